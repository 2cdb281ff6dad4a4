import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import TalkRequestPage from '../../../src/packages/booking/request/index';
import MyRequestsPage from '../../../src/packages/booking/requests/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { talkRequest, talkSummary } from '../support/booking-fixtures';
import { fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { pullDown } from '../support/gestures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { findTextArea } from '../support/fields';

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
});

function stepTitled(container: HTMLElement, title: string): HTMLElement {
  return within(container).getByText(title, { selector: '.nut-step-title' }).closest('.nut-step') as HTMLElement;
}

describe('我的点单', () => {
  it('shows each request with its steps, done up to the step the server reports', async () => {
    const accepted = talkRequest({ id: 42, status: 'accepted', topicTitle: '民法典与百姓生活' });
    fakeApi().on('GET', '/api/talk-requests/mine', reply(200, { items: [accepted], nextBefore: null }));

    render(<MyRequestsPage />);

    const card = (await screen.findByText('民法典与百姓生活')).closest('.ywk-request-card') as HTMLElement;
    expect(stepTitled(card, '已提交')).toHaveClass('nut-step-finish');
    expect(stepTitled(card, '已派单')).toHaveClass('nut-step-finish');
    expect(stepTitled(card, '已接单')).toHaveClass('nut-step-process');
    expect(stepTitled(card, '已安排')).toHaveClass('nut-step-wait');
  });

  it('asks for the next page with the last id the server named', async () => {
    const api = fakeApi().on(
      'GET',
      '/api/talk-requests/mine',
      reply(200, { items: [talkRequest({ id: 50 })], nextBefore: 50 }),
    );

    render(<MyRequestsPage />);
    await screen.findByText('反诈骗知识进社区');

    expect(api.requestsTo('GET', '/api/talk-requests/mine')[0].query).toEqual({ limit: '20' });
  });

  it('says plainly when there are no requests yet', async () => {
    fakeApi().on('GET', '/api/talk-requests/mine', reply(200, { items: [], nextBefore: null }));

    render(<MyRequestsPage />);

    expect(await screen.findByText('还没有点单')).toBeInTheDocument();
  });

  it('keeps the requests on screen and says why when pulling down to refresh fails', async () => {
    fakeApi().on(
      'GET',
      '/api/talk-requests/mine',
      reply(200, { items: [talkRequest({ id: 42 })], nextBefore: null }),
      networkError,
    );

    const { container } = render(<MyRequestsPage />);
    await screen.findByText('反诈骗知识进社区');
    await pullDown(container);

    expect(await screen.findByText('网络不给力，请检查网络后重试', { selector: '.nut-toast-text' })).toBeInTheDocument();
    expect(screen.getByText('反诈骗知识进社区')).toBeInTheDocument();
  });

  it('opens a request when tapped', async () => {
    fakeApi().on('GET', '/api/talk-requests/mine', reply(200, { items: [talkRequest({ id: 42 })], nextBefore: null }));

    render(<MyRequestsPage />);
    fireEvent.click(await screen.findByText('反诈骗知识进社区'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/request/index?id=42' });
  });
});

describe('点单详情', () => {
  it('shows the scheduled talk in Shanghai time, the steps and the timeline', async () => {
    const scheduled = talkRequest({
      status: 'scheduled',
      talk: talkSummary(),
      timeline: [
        { at: '2030-05-20T02:00:00.000Z', event: 'submitted', text: '您提交了点单' },
        { at: '2030-05-21T03:00:00.000Z', event: 'scheduled', text: '宣讲已安排' },
      ],
    });
    fakeApi().on('GET', '/api/talk-requests/41', reply(200, scheduled));
    currentPage.openWith({ id: '41' });

    const { container } = render(<TalkRequestPage />);

    expect(await screen.findByText('6月1日 09:00')).toBeInTheDocument();
    expect(screen.getByText('王建国')).toBeInTheDocument();
    expect(screen.getByText('宣讲已安排')).toBeInTheDocument();
    expect(stepTitled(container, '已安排')).toHaveClass('nut-step-process');
    expect(stepTitled(container, '已举办')).toHaveClass('nut-step-wait');
  });

  it('cancels only with a reason, once the resident confirms', async () => {
    const api = fakeApi()
      .on('GET', '/api/talk-requests/41', reply(200, talkRequest({ status: 'offered' })))
      .on('POST', '/api/talk-requests/41/cancel', (request) =>
        reply(200, talkRequest({ status: 'cancelled', step: 1, cancelReason: (request.body as { reason: string }).reason })),
      );
    currentPage.openWith({ id: '41' });

    render(<TalkRequestPage />);
    fireEvent.click(await screen.findByText('取消点单'));
    expect(await screen.findByText('取消后，宣讲员将不再前来宣讲。确定要取消吗？')).toBeInTheDocument();

    fireEvent.click(screen.getByText('确定取消'));
    expect(await screen.findByText('请填写取消原因')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/talk-requests/41/cancel')).toHaveLength(0);

    const reason = await findTextArea('textarea[placeholder="请写明取消原因，如：活动室另有安排"]');
    fireEvent.input(reason, { target: { value: '活动室另有安排' } });
    fireEvent.click(screen.getByText('确定取消'));

    await waitFor(() => expect(api.requestsTo('POST', '/api/talk-requests/41/cancel')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/talk-requests/41/cancel')[0].body).toEqual({ reason: '活动室另有安排' });
    expect(await screen.findByText('取消原因：活动室另有安排')).toBeInTheDocument();
    expect(screen.queryByText('取消点单')).not.toBeInTheDocument();
  });

  it('offers no cancel once the talk has been held', async () => {
    fakeApi().on('GET', '/api/talk-requests/41', reply(200, talkRequest({ status: 'held', talk: talkSummary({ status: 'held' }) })));
    currentPage.openWith({ id: '41' });

    render(<TalkRequestPage />);

    await screen.findByText('6月1日 09:00');
    expect(screen.queryByText('取消点单')).not.toBeInTheDocument();
  });

  it('asks for 评单 once the talk was held, on the talk page', async () => {
    fakeApi().on('GET', '/api/talk-requests/41', reply(200, talkRequest({ status: 'held', talk: talkSummary({ status: 'held' }) })));
    currentPage.openWith({ id: '41' });

    render(<TalkRequestPage />);
    fireEvent.click(await screen.findByText('去评价'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/talk/index?id=9' });
  });

  it('no longer asks for 评单 on coming back from rating the talk', async () => {
    const heldRequest = talkRequest({ status: 'held', talk: talkSummary({ status: 'held' }) });
    fakeApi().on('GET', '/api/talk-requests/41', reply(200, heldRequest), reply(200, talkRequest({ status: 'rated', talk: talkSummary({ status: 'held' }) })));
    currentPage.openWith({ id: '41' });

    render(<TalkRequestPage />);
    await screen.findByText('去评价');
    currentPage.show();
    currentPage.show();

    await waitFor(() => expect(screen.queryByText('去评价')).not.toBeInTheDocument());
    expect(screen.getByText('已评价', { selector: '.ywk-request-detail__status' })).toBeInTheDocument();
  });

  it('opens the scheduled talk, without asking for 评单 before it was held', async () => {
    fakeApi().on('GET', '/api/talk-requests/41', reply(200, talkRequest({ status: 'scheduled', talk: talkSummary() })));
    currentPage.openWith({ id: '41' });

    render(<TalkRequestPage />);
    fireEvent.click(await screen.findByText('查看宣讲'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/talk/index?id=9' });
    expect(screen.queryByText('去评价')).not.toBeInTheDocument();
  });

  it('offers 重试 when the request cannot be loaded', async () => {
    fakeApi().on('GET', '/api/talk-requests/41', networkError, networkError, reply(200, talkRequest()));
    currentPage.openWith({ id: '41' });

    render(<TalkRequestPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('您提交了点单')).toBeInTheDocument();
  });
});
