import type { ICurrentUser, IProgrammeRepository, UserRights } from '../../../data/repository';
import { type IAsyncResult, useAsync } from '../../../ui/useAsync';

/** Who the user is and what SharePoint lets them do on each list. */
export interface IAccess {
  user: ICurrentUser;
  rights: UserRights;
}

/**
 * The signed-in user and their rights per list, read from SharePoint's effective permissions.
 * What the dashboard offers follows these rights, never group or role names.
 */
export function useAccess(repository: IProgrammeRepository): IAsyncResult<IAccess> {
  return useAsync(async () => {
    const [user, rights] = await Promise.all([repository.getCurrentUser(), repository.getRights()]);
    return { user, rights };
  }, [repository]);
}
