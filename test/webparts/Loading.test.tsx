/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import '@testing-library/jest-dom';
import { strings } from '../../src/webparts/programmeDashboard/loc/strings';
import { Loading } from '../../src/webparts/programmeDashboard/components/Loading';

describe('the dashboard while it loads', () => {
  it('announces loading to screen readers with a visible label', () => {
    render(<Loading label={strings.Loading} />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent('Loading the programme…');
  });
});
