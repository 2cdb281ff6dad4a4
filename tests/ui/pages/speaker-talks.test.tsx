import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import SpeakerTalksPage from '../../../src/packages/speaker/talks/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { talkSummary } from '../support/booking-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { sessionFor } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { NOW, minutesFromNow, speakerUser, stopClockAtNow, talkList } from '../support/speaker-fixtures';

const TALKS = '/api/speaker/talks';

const navigateTo = spyOnNavigation();

beforeEach(() => {
  stopClockAtNow();
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(speakerUser));
});

afterEach(() => {
  jest.useRealTimers();
});

function talkCard(title: string): HTMLElement {
  return screen.getByText(title, { selector: '.ywk-speaker-talk__title' }).closest('.ywk-speaker-talk') as HTMLElement;
}

/** Started half an hour ago, ends in an hour: in progress, still scheduled. */
const inProgress = talkSummary({ id: 12, topicTitle: '民法典与百姓生活', startsAt: minutesFromNow(-30), endsAt: minutesFromNow(60) });

describe('我的宣讲', () => {
  it('shows an upcoming talk: when, where, how many signed up, with its check-in code and list', async () => {
    fakeApi().on('GET', TALKS, reply(200, talkList([talkSummary()])));

    render(<SpeakerTalksPage />);

    await screen.findByText('反诈骗知识进社区');
    const card = talkCard('反诈骗知识进社区');
    expect(within(card).getByText('6月1日 09:00–10:30')).toBeInTheDocument();
    expect(within(card).getByText('惠阳社区 · 党群服务中心二楼')).toBeInTheDocument();
    expect(within(card).getByText('惠阳路12号')).toBeInTheDocument();
    expect(within(card).getByText('已报名 12 / 80 人')).toBeInTheDocument();
    expect(within(card).getByText('待举办')).toBeInTheDocument();
    expect(within(card).queryByText('标记已举办')).not.toBeInTheDocument();

    fireEvent.click(within(card).getByText('签到二维码'));
    fireEvent.click(within(card).getByText('签到名单'));
    expect(navigateTo.mock.calls.map(([options]) => options)).toEqual([
      { url: '/packages/checkin/organiser/index?id=9' },
      { url: '/packages/checkin/attendance/index?id=9' },
    ]);
  });

  it('shows finished talks under 已结束, with the attendance list but no check-in code', async () => {
    const held = talkSummary({
      id: 7,
      topicTitle: '垃圾分类我先行',
      status: 'held',
      startsAt: '2030-05-20T06:00:00.000Z',
      endsAt: '2030-05-20T07:30:00.000Z',
      heldAt: '2030-05-20T07:40:00.000Z',
      registrations: 35,
      capacity: 40,
    });
    fakeApi().on('GET', TALKS, reply(200, talkList([talkSummary()], [held])));

    render(<SpeakerTalksPage />);
    await screen.findByText('反诈骗知识进社区');
    expect(screen.queryByText('垃圾分类我先行')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('已结束'));

    const card = talkCard('垃圾分类我先行');
    expect(within(card).getByText('5月20日 14:00–15:30')).toBeInTheDocument();
    expect(within(card).getByText('已报名 35 / 40 人')).toBeInTheDocument();
    expect(within(card).getByText('已举办')).toBeInTheDocument();
    expect(within(card).queryByText('签到二维码')).not.toBeInTheDocument();
    expect(within(card).queryByText('标记已举办')).not.toBeInTheDocument();
    fireEvent.click(within(card).getByText('签到名单'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/checkin/attendance/index?id=7' });
  });

  it('marks a talk that has started as held, only once the speaker confirms', async () => {
    const api = fakeApi()
      .on('GET', TALKS, reply(200, talkList([inProgress])), reply(200, talkList([], [{ ...inProgress, status: 'held', heldAt: NOW.toISOString() }])))
      .on('POST', '/api/talks/12/held', reply(200, { ...inProgress, status: 'held', heldAt: NOW.toISOString() }));

    render(<SpeakerTalksPage />);
    await screen.findByText('民法典与百姓生活');
    const card = talkCard('民法典与百姓生活');
    expect(within(card).getByText('进行中')).toBeInTheDocument();

    fireEvent.click(within(card).getByText('标记已举办'));
    expect(await screen.findByText(/已经举办了吗？/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('取消'));
    await waitFor(() => expect(screen.queryByText(/已经举办了吗？/)).not.toBeInTheDocument());
    expect(api.requestsTo('POST', '/api/talks/12/held')).toHaveLength(0);

    fireEvent.click(within(card).getByText('标记已举办'));
    fireEvent.click(await screen.findByText('确定已举办'));

    await waitFor(() => expect(api.requestsTo('POST', '/api/talks/12/held')).toHaveLength(1));
    expect(await screen.findByText('已标记为已举办')).toBeInTheDocument();
    // Read again, the talk has moved to 已结束.
    expect(await screen.findByText('暂时没有安排的宣讲')).toBeInTheDocument();
    expect(api.requestsTo('GET', TALKS)).toHaveLength(2);
  });

  it('asks to mark a finished talk held while it is still only scheduled', async () => {
    const unconfirmed = talkSummary({ id: 8, startsAt: minutesFromNow(-24 * 60), endsAt: minutesFromNow(-22 * 60) });
    fakeApi().on('GET', TALKS, reply(200, talkList([], [unconfirmed])));

    render(<SpeakerTalksPage />);
    fireEvent.click(await screen.findByText('已结束'));

    const card = talkCard('反诈骗知识进社区');
    expect(within(card).getByText('待确认举办')).toBeInTheDocument();
    expect(within(card).getByText('标记已举办')).toBeInTheDocument();
  });

  it('shows the server’s refusal to mark a talk held', async () => {
    fakeApi()
      .on('GET', TALKS, reply(200, talkList([inProgress])))
      .on('POST', '/api/talks/12/held', errorReply(409, 'talk_wrong_state', '宣讲当前状态不能进行此操作'));

    render(<SpeakerTalksPage />);
    fireEvent.click(await screen.findByText('标记已举办'));
    fireEvent.click(await screen.findByText('确定已举办'));

    expect(await screen.findByText('宣讲当前状态不能进行此操作')).toBeInTheDocument();
    expect(screen.queryByText('已标记为已举办')).not.toBeInTheDocument();
  });

  it('says plainly when there are no talks yet, in each tab', async () => {
    fakeApi().on('GET', TALKS, reply(200, talkList([], [])));

    render(<SpeakerTalksPage />);

    expect(await screen.findByText('暂时没有安排的宣讲')).toBeInTheDocument();
    fireEvent.click(screen.getByText('已结束'));
    expect(screen.getByText('还没有结束的宣讲')).toBeInTheDocument();
  });

  it('offers 重试 when the talks cannot be loaded', async () => {
    fakeApi().on('GET', TALKS, networkError, networkError, reply(200, talkList([talkSummary()])));

    render(<SpeakerTalksPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
  });

  it('reads the talks again when the speaker comes back from the check-in screen', async () => {
    const api = fakeApi().on('GET', TALKS, reply(200, talkList([talkSummary()])), reply(200, talkList([talkSummary({ registrations: 20 })])));

    render(<SpeakerTalksPage />);
    await screen.findByText('已报名 12 / 80 人');
    currentPage.show();
    currentPage.show();

    expect(await screen.findByText('已报名 20 / 80 人')).toBeInTheDocument();
    expect(api.requestsTo('GET', TALKS)).toHaveLength(2);
  });

  it('asks a signed-out visitor to sign in', () => {
    clearSession();
    fakeApi();

    render(<SpeakerTalksPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
  });
});
