import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DispatchQueuePage from '../../../src/packages/admin/talk-requests/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { talkRequest } from '../support/booking-fixtures';
import { queuePage, streetDispatcher } from '../support/dispatch-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { scrollToEnd } from '../support/gestures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';

const QUEUE = '/api/admin/talk-requests';

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(streetDispatcher));
});

function cardOf(topicTitle: string): HTMLElement {
  return screen.getByText(topicTitle).closest('.ywk-dispatch-card') as HTMLElement;
}

describe('派单台', () => {
  it('lists the open requests with place, time in Shanghai, audience, when sent and status', async () => {
    const unmatched = talkRequest({
      id: 42,
      status: 'unmatched',
      topicTitle: '民法典与百姓生活',
      venueId: null,
      venueName: null,
      audienceSize: 45,
      audienceKinds: ['elderly', 'party'],
    });
    const api = fakeApi().on('GET', QUEUE, reply(200, queuePage([unmatched, talkRequest({ id: 41, status: 'offered' })])));

    render(<DispatchQueuePage />);

    const card = (await screen.findByText('民法典与百姓生活')).closest('.ywk-dispatch-card') as HTMLElement;
    expect(within(card).getByText('惠阳社区 · 社区安排')).toBeInTheDocument();
    expect(within(card).getByText('希望时间：6月1日 09:00–10:30')).toBeInTheDocument();
    expect(within(card).getByText('听众：约 45 人 · 老年人、党员')).toBeInTheDocument();
    expect(within(card).getByText('5月20日 10:00 提交')).toBeInTheDocument();
    expect(within(card).getByText('未匹配')).toBeInTheDocument();
    expect(within(card).getByText('没有宣讲员接单，需要人工派单')).toBeInTheDocument();
    expect(within(cardOf('反诈骗知识进社区')).getByText('已派单')).toBeInTheDocument();
    expect(within(cardOf('反诈骗知识进社区')).queryByText('没有宣讲员接单，需要人工派单')).not.toBeInTheDocument();
    // 全部待办 leaves the status out: the server then answers every open request.
    expect(api.requestsTo('GET', QUEUE)[0].query).toEqual({ limit: '20' });
  });

  it('asks the server for one status per tab', async () => {
    const api = fakeApi().on('GET', QUEUE, (request) =>
      reply(200, queuePage([talkRequest({ id: 41, topicTitle: `主题-${request.query.status ?? 'open'}` })])),
    );

    render(<DispatchQueuePage />);
    await screen.findByText('主题-open');
    for (const [title, status] of [
      ['未匹配', 'unmatched'],
      ['派单中', 'offered'],
      ['待派单', 'submitted'],
      ['已安排', 'scheduled'],
    ]) {
      fireEvent.click(screen.getByText(title, { selector: '.nut-tabs-titles-item *' }));
      expect(await screen.findByText(`主题-${status}`)).toBeInTheDocument();
    }

    expect(api.requestsTo('GET', QUEUE).map((request) => request.query)).toEqual([
      { limit: '20' },
      { status: 'unmatched', limit: '20' },
      { status: 'offered', limit: '20' },
      { status: 'submitted', limit: '20' },
      { status: 'scheduled', limit: '20' },
    ]);
  });

  it('asks for the next page with the last id the server named', async () => {
    const api = fakeApi().on('GET', QUEUE, (request) =>
      request.query.before === '50'
        ? reply(200, queuePage([talkRequest({ id: 44, topicTitle: '垃圾分类新规解读' })]))
        : reply(200, queuePage([talkRequest({ id: 50 })], 50)),
    );

    const { container } = render(<DispatchQueuePage />);
    await screen.findByText('反诈骗知识进社区');
    await scrollToEnd(container);

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(screen.getByText('反诈骗知识进社区')).toBeInTheDocument();
    expect(api.requestsTo('GET', QUEUE).map((request) => request.query)).toEqual([{ limit: '20' }, { before: '50', limit: '20' }]);
    expect(await screen.findByText('没有更多点单了')).toBeInTheDocument();
  });

  it('says plainly when a tab has nothing', async () => {
    fakeApi().on('GET', QUEUE, (request) =>
      request.query.status === 'unmatched' ? reply(200, queuePage([])) : reply(200, queuePage([talkRequest()])),
    );

    render(<DispatchQueuePage />);
    await screen.findByText('反诈骗知识进社区');
    fireEvent.click(screen.getByText('未匹配', { selector: '.nut-tabs-titles-item *' }));

    expect(await screen.findByText('没有未匹配的点单')).toBeInTheDocument();
  });

  it('offers 重试 when the queue cannot be loaded', async () => {
    fakeApi().on('GET', QUEUE, networkError, networkError, reply(200, queuePage([talkRequest()])));

    render(<DispatchQueuePage />);
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
  });

  it('tells someone without the dispatcher role why they cannot see the queue', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', QUEUE, errorReply(403, 'forbidden', '没有权限进行此操作'));

    render(<DispatchQueuePage />);

    expect(await screen.findByText('您没有派单权限')).toBeInTheDocument();
    expect(screen.getByText('没有权限进行此操作')).toBeInTheDocument();
    expect(screen.queryByText('未匹配')).not.toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
  });

  it('opens a request when tapped', async () => {
    fakeApi().on('GET', QUEUE, reply(200, queuePage([talkRequest({ id: 42 })])));

    render(<DispatchQueuePage />);
    fireEvent.click(await screen.findByText('反诈骗知识进社区'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/talk-request/index?id=42' });
  });

  it('loads the queue again when the dispatcher comes back from a request', async () => {
    const api = fakeApi().on(
      'GET',
      QUEUE,
      reply(200, queuePage([talkRequest({ id: 42, status: 'unmatched' })])),
      reply(200, queuePage([talkRequest({ id: 42, status: 'offered' })])),
    );

    render(<DispatchQueuePage />);
    await screen.findByText('未匹配', { selector: '.nut-tag-text' });
    // The first show is the page appearing; the second is the dispatcher coming back to it.
    currentPage.show();
    currentPage.show();

    expect(await screen.findByText('已派单', { selector: '.nut-tag-text' })).toBeInTheDocument();
    expect(api.requestsTo('GET', QUEUE)).toHaveLength(2);
  });

  it('asks a signed-out visitor to sign in first', async () => {
    clearSession();
    const api = fakeApi();

    render(<DispatchQueuePage />);

    expect(await screen.findByText('您还没有登录')).toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo('GET', QUEUE)).toHaveLength(0));
  });
});
