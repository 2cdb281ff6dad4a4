import { render, screen } from '@testing-library/react';
import StudyPage from '../../../src/pages/study/index';

it('renders', async () => {
  render(<StudyPage />);
  expect(await screen.findByText('暂无文章')).toBeInTheDocument();
});
