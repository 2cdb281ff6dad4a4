import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import DispatchRequestPage from '../../../src/packages/admin/talk-request/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { talkRequest, talkSummary } from '../support/booking-fixtures';
import { candidate, candidateList, excludedSpeaker, streetDispatcher } from '../support/dispatch-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';

const navigateTo = spyOnNavigation();

const REQUEST = '/api/talk-requests/41';
const CANDIDATES = '/api/admin/talk-requests/41/candidates';
const DISPATCH = '/api/admin/talk-requests/41/dispatch';

const first = candidate({ speakerId: 11, name: '王建国', rank: 1, score: 0.87, reasons: ['同社区', '近30天0场', '评分4.8（5次）'] });
const second = candidate({
  speakerId: 12,
  name: '李秀英',
  rank: 2,
  score: 0.615,
  slotStart: '2030-06-01T01:30:00.000Z',
  reasons: ['距场地2.4公里', '近30天2场'],
  offerStatus: 'declined',
});

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(streetDispatcher));
  currentPage.openWith({ id: '41' });
});

function candidateCard(name: string): HTMLElement {
  return screen.getByText(name, { selector: '.ywk-candidate__name' }).closest('.ywk-candidate') as HTMLElement;
}

function tagTexts(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.nut-tag')).map((tag) => (tag.textContent ?? '').trim());
}

describe('点单派单', () => {
  it('shows the request, its timeline and the ranked candidates with their reasons', async () => {
    const offered = talkRequest({
      status: 'offered',
      timeline: [
        { at: '2030-05-20T02:00:00.000Z', event: 'submitted', text: '已提交点单' },
        { at: '2030-05-20T02:00:00.000Z', event: 'offered', text: '已派单给李秀英' },
        { at: '2030-05-20T05:00:00.000Z', event: 'declined', text: '宣讲员婉拒：当天外出' },
      ],
    });
    fakeApi()
      .on('GET', REQUEST, reply(200, offered))
      .on('GET', CANDIDATES, reply(200, candidateList([first, second])));

    render(<DispatchRequestPage />);

    expect(await screen.findByText('宣讲员婉拒：当天外出')).toBeInTheDocument();
    expect(screen.getByText('党群服务中心二楼')).toBeInTheDocument();
    expect(screen.getByText('6月1日 09:00–10:30')).toBeInTheDocument();

    const best = candidateCard('王建国');
    expect(within(best).getByText('1', { selector: '.ywk-candidate__rank' })).toBeInTheDocument();
    expect(within(best).getByText('匹配度 87%')).toBeInTheDocument();
    expect(within(best).getByText('建议时间：6月1日 09:00')).toBeInTheDocument();
    expect(tagTexts(best)).toEqual(['同社区', '近30天0场', '评分4.8（5次）']);

    const next = candidateCard('李秀英');
    expect(within(next).getByText('2', { selector: '.ywk-candidate__rank' })).toBeInTheDocument();
    expect(within(next).getByText('匹配度 62%')).toBeInTheDocument();
    expect(within(next).getByText('建议时间：6月1日 09:30')).toBeInTheDocument();
    expect(tagTexts(next)).toEqual(['距场地2.4公里', '近30天2场', '已婉拒']);
  });

  it('lists who does not qualify, each with the reason, under 不符合条件', async () => {
    fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'unmatched' })))
      .on(
        'GET',
        CANDIDATES,
        reply(
          200,
          candidateList(
            [first],
            [excludedSpeaker(), excludedSpeaker({ speakerId: 16, name: '赵志刚', code: 'paused', reason: '已暂停接单' })],
          ),
        ),
      );

    render(<DispatchRequestPage />);
    fireEvent.click(await screen.findByText('不符合条件（2人）'));

    const excluded = screen.getByText('不符合条件（2人）').closest('.nut-collapse-item') as HTMLElement;
    expect(within(excluded).getByText('陈晓燕')).toBeInTheDocument();
    expect(within(excluded).getByText('与已安排的宣讲时间冲突（含路程）')).toBeInTheDocument();
    expect(within(excluded).getByText('赵志刚')).toBeInTheDocument();
    expect(within(excluded).getByText('已暂停接单')).toBeInTheDocument();
    // Excluded speakers are not offered a dispatch button; only the one ranked candidate is.
    expect(screen.getAllByText('派给他/她')).toHaveLength(1);
  });

  it('dispatches to the chosen speaker only after confirming, warning that the pending offer is withdrawn', async () => {
    const pending = candidate({ ...second, offerStatus: 'pending' });
    const api = fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'offered' })))
      .on(
        'GET',
        CANDIDATES,
        reply(200, candidateList([first, pending])),
        reply(200, candidateList([{ ...first, offerStatus: 'pending' }, { ...pending, offerStatus: 'withdrawn' }])),
      )
      .on('POST', DISPATCH, reply(200, talkRequest({ status: 'offered' })));

    render(<DispatchRequestPage />);
    await screen.findByText('王建国');
    // The speaker already deciding is not asked twice.
    expect(within(candidateCard('李秀英')).queryByText('派给他/她')).not.toBeInTheDocument();
    expect(within(candidateCard('李秀英')).getByText('已派单待回复')).toBeInTheDocument();

    fireEvent.click(within(candidateCard('王建国')).getByText('派给他/她'));
    expect(await screen.findByText('将把这次点单派给王建国，当前待回复的派单将撤回。')).toBeInTheDocument();
    expect(api.requestsTo('POST', DISPATCH)).toHaveLength(0);

    fireEvent.click(screen.getByText('确定派单'));

    await waitFor(() => expect(api.requestsTo('POST', DISPATCH)).toHaveLength(1));
    expect(api.requestsTo('POST', DISPATCH)[0].body).toEqual({ speakerId: 11 });
    expect(await screen.findByText('已派单', { selector: '.nut-toast-text' })).toBeInTheDocument();
    await waitFor(() => expect(within(candidateCard('王建国')).getByText('已派单待回复')).toBeInTheDocument());
    expect(within(candidateCard('李秀英')).getByText('派单已撤回')).toBeInTheDocument();
  });

  it('sends nothing when the dispatcher cancels the confirmation', async () => {
    const api = fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'unmatched' })))
      .on('GET', CANDIDATES, reply(200, candidateList([first])));

    render(<DispatchRequestPage />);
    fireEvent.click(await screen.findByText('派给他/她'));
    expect(await screen.findByText('将把这次点单派给王建国，王建国会收到通知，请其尽快答复。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('取消'));

    await waitFor(() =>
      expect(screen.queryByText('将把这次点单派给王建国，王建国会收到通知，请其尽快答复。')).not.toBeInTheDocument(),
    );
    expect(api.requestsTo('POST', DISPATCH)).toHaveLength(0);
  });

  it('shows the server’s message when it refuses the dispatch, and loads the request again', async () => {
    const api = fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'offered' })), reply(200, talkRequest({ status: 'cancelled', cancelReason: '活动室另有安排', step: 1 })))
      .on('GET', CANDIDATES, reply(200, candidateList([first])))
      .on('POST', DISPATCH, errorReply(409, 'talk_request_wrong_state', '点单当前状态不能进行此操作', { requestId: 41, status: 'cancelled' }));

    render(<DispatchRequestPage />);
    fireEvent.click(await screen.findByText('派给他/她'));
    fireEvent.click(await screen.findByText('确定派单'));

    expect(await screen.findByText('点单当前状态不能进行此操作', { selector: '.nut-toast-text' })).toBeInTheDocument();
    expect(await screen.findByText('取消原因：活动室另有安排')).toBeInTheDocument();
    expect(screen.getByText('这次点单已取消，不需要再派单。')).toBeInTheDocument();
    expect(screen.queryByText('派给他/她')).not.toBeInTheDocument();
    expect(api.requestsTo('GET', REQUEST)).toHaveLength(2);
  });

  it('offers no dispatch once the talk is scheduled', async () => {
    fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'scheduled' })))
      .on('GET', CANDIDATES, reply(200, candidateList([{ ...first, offerStatus: 'accepted' }])));

    render(<DispatchRequestPage />);

    expect(await screen.findByText('这次点单已安排，不需要再派单。')).toBeInTheDocument();
    expect(within(candidateCard('王建国')).getByText('已接单')).toBeInTheDocument();
    expect(screen.queryByText('派给他/她')).not.toBeInTheDocument();
  });

  it('opens the check-in screen and the attendance of the scheduled talk for the community’s staff', async () => {
    fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'scheduled', talk: talkSummary({ id: 9 }) })))
      .on('GET', CANDIDATES, reply(200, candidateList([{ ...first, offerStatus: 'accepted' }])));

    render(<DispatchRequestPage />);
    fireEvent.click(await screen.findByText('签到二维码'));
    fireEvent.click(screen.getByText('签到名单'));

    await waitFor(() =>
      expect(navigateTo.mock.calls).toEqual([
        [{ url: '/packages/checkin/organiser/index?id=9' }],
        [{ url: '/packages/checkin/attendance/index?id=9' }],
      ]),
    );
  });

  it('says so when no speaker qualifies', async () => {
    fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'unmatched' })))
      .on('GET', CANDIDATES, reply(200, candidateList([], [excludedSpeaker()])));

    render(<DispatchRequestPage />);

    expect(await screen.findByText('没有符合条件的宣讲员')).toBeInTheDocument();
    expect(screen.getByText('不符合条件（1人）')).toBeInTheDocument();
  });

  it('tells someone without the dispatcher role why, with the server’s message', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', REQUEST, errorReply(404, 'not_found', '内容不存在或已删除'))
      .on('GET', CANDIDATES, errorReply(403, 'forbidden', '没有权限进行此操作'));

    render(<DispatchRequestPage />);

    expect(await screen.findByText('您没有派单权限')).toBeInTheDocument();
    expect(screen.getByText('没有权限进行此操作')).toBeInTheDocument();
    expect(screen.queryByText('内容不存在或已删除')).not.toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
  });

  it('offers 重试 when the request cannot be loaded', async () => {
    fakeApi()
      .on('GET', REQUEST, networkError, networkError, reply(200, talkRequest()))
      .on('GET', CANDIDATES, reply(200, candidateList([first])));

    render(<DispatchRequestPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('王建国')).toBeInTheDocument();
  });

  it('loads the candidates again when the dispatcher comes back to the page', async () => {
    const api = fakeApi()
      .on('GET', REQUEST, reply(200, talkRequest({ status: 'offered' })))
      .on('GET', CANDIDATES, reply(200, candidateList([first])), reply(200, candidateList([{ ...first, offerStatus: 'declined' }])));

    render(<DispatchRequestPage />);
    await screen.findByText('王建国');
    currentPage.show();
    currentPage.show();

    expect(await screen.findByText('已婉拒')).toBeInTheDocument();
    expect(api.requestsTo('GET', CANDIDATES)).toHaveLength(2);
  });
});
