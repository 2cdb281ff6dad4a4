import { render, screen } from '@testing-library/react';
import CheckinPage from '../../../src/pages/checkin/index';
import OrderPage from '../../../src/pages/order/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { resident, sessionFor } from '../support/fixtures';

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

// 微课堂 loads its feed from the server: see study-feed.test.tsx.
describe('tab pages before any content is published', () => {
  it.each([
    ['点单', OrderPage, '暂无宣讲菜单'],
    ['签到', CheckinPage, '暂无签到活动'],
  ])('%s says plainly that there is nothing yet', (_tab, Page, emptyTitle) => {
    render(<Page />);

    expect(screen.getByText(emptyTitle)).toBeInTheDocument();
  });

  it('uses the 长辈模式 theme on every page once the user has turned it on', () => {
    saveSession(sessionFor({ ...resident, elderMode: true }));

    const { container } = render(<OrderPage />);

    expect(container.querySelector('.ywk-page')).toHaveClass('ywk-elder', 'ywk-font-2');
  });
});
