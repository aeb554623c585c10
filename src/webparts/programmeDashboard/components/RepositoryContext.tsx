import * as React from 'react';
import type { IProgrammeRepository } from '../../../data/repository';

/**
 * The programme's repository for everything the dashboard draws: given once, at the top
 * (ProgrammeDashboard), and taken where it is used — a view's loads, a section's reads on
 * demand, the panels' writes — instead of being handed down through every layer's props.
 */
const RepositoryContext: React.Context<IProgrammeRepository | undefined> = React.createContext<IProgrammeRepository | undefined>(undefined);

/** Props of {@link RepositoryProvider}. */
export interface IRepositoryProviderProps {
  repository: IProgrammeRepository;
  children?: React.ReactNode;
}

/** Makes `repository` the one the components inside read and write through. */
export function RepositoryProvider(props: IRepositoryProviderProps): JSX.Element {
  return <RepositoryContext.Provider value={props.repository}>{props.children}</RepositoryContext.Provider>;
}

/** The repository given by the nearest {@link RepositoryProvider}; a component drawn outside one is a programming error, said at once. */
export function useRepository(): IProgrammeRepository {
  const repository: IProgrammeRepository | undefined = React.useContext(RepositoryContext);
  if (!repository) {
    throw new Error('useRepository: this component must be drawn inside a RepositoryProvider (ProgrammeDashboard gives one).');
  }
  return repository;
}
