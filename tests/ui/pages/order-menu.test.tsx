import { fireEvent, render, screen, within } from '@testing-library/react';
import OrderPage from '../../../src/pages/order/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { topic } from '../support/booking-fixtures';
import { fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';

const antiFraud = topic();
const civilCode = topic({
  id: 6,
  title: '民法典与百姓生活',
  description: '婚姻家庭、继承、邻里纠纷中的常见问题。',
  durationMin: 60,
  audience: ['party', 'youth'],
  speakerCount: 1,
});

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

function card(title: string): HTMLElement {
  return screen.getByText(title).closest('.ywk-topic-card') as HTMLElement;
}

describe('宣讲菜单 (点单 tab)', () => {
  it('shows each topic with its description, length, audience and how many speakers can give it', async () => {
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [antiFraud, civilCode] }));

    render(<OrderPage />);

    await screen.findByText('反诈骗知识进社区');
    const fraud = within(card('反诈骗知识进社区'));
    expect(fraud.getByText('结合身边案例，讲清常见电信诈骗的套路和防范办法。')).toBeInTheDocument();
    expect(fraud.getByText('约 90 分钟')).toBeInTheDocument();
    expect(fraud.getByText('老年人')).toBeInTheDocument();
    expect(fraud.getByText('居民')).toBeInTheDocument();
    expect(fraud.getByText('3 位宣讲员可讲')).toBeInTheDocument();
    const civil = within(card('民法典与百姓生活'));
    expect(civil.getByText('约 60 分钟')).toBeInTheDocument();
    expect(civil.getByText('党员')).toBeInTheDocument();
    expect(civil.getByText('1 位宣讲员可讲')).toBeInTheDocument();
  });

  it('opens the order form for the chosen topic', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [antiFraud, civilCode] }));

    render(<OrderPage />);
    await screen.findByText('民法典与百姓生活');
    fireEvent.click(within(card('民法典与百姓生活')).getByText('我要点单'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/order/index?topicId=6' });
  });

  it('sends a signed-out resident to sign in instead of the form', async () => {
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [antiFraud] }));

    render(<OrderPage />);
    await screen.findByText('反诈骗知识进社区');
    fireEvent.click(screen.getByText('我要点单'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
  });

  it('opens 我的点单', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [antiFraud] }));

    render(<OrderPage />);
    await screen.findByText('反诈骗知识进社区');
    fireEvent.click(screen.getByText('我的点单'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/requests/index' });
  });

  it('opens 宣讲日历 without asking anyone to sign in', async () => {
    fakeApi().on('GET', '/api/topics', reply(200, { topics: [antiFraud] }));

    render(<OrderPage />);
    await screen.findByText('反诈骗知识进社区');
    expect(screen.getByText('看看近期各社区的宣讲，报名参加')).toBeInTheDocument();
    fireEvent.click(screen.getByText('宣讲日历'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/calendar/index' });
  });

  it('offers 重试 when the menu cannot be loaded, and shows it once it can', async () => {
    fakeApi().on('GET', '/api/topics', networkError, networkError, reply(200, { topics: [antiFraud] }));

    render(<OrderPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
  });
});
