import { render, screen } from '@testing-library/react';
import OrderPage from '../../../src/pages/order/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { fakeApi, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

// 微课堂 loads its feed from the server: see study-feed.test.tsx; 签到 needs a signed-in user: see
// checkin-tab.test.tsx.
describe('tab pages before any content is published', () => {
  it.each([
    ['点单', OrderPage, '暂无宣讲菜单'],
  ])('%s says plainly that there is nothing yet', async (_tab, Page, emptyTitle) => {
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [] }));

    render(<Page />);

    expect(await screen.findByText(emptyTitle)).toBeInTheDocument();
  });

  it('uses the 长辈模式 theme on every page once the user has turned it on', async () => {
    saveSession(sessionFor({ ...resident, elderMode: true }));
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [] }));

    const { container } = render(<OrderPage />);
    await screen.findByText('暂无宣讲菜单');

    expect(container.querySelector('.ywk-page')).toHaveClass('ywk-elder', 'ywk-font-2');
  });
});
