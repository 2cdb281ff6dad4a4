import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SpeakerEntryCells, isSpeaker } from '../../../src/components/speaker-entry-cells';
import SpeakerOffersPage from '../../../src/packages/speaker/offers/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { talkSummary } from '../support/booking-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { findTextArea } from '../support/fields';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { NOW, minutesFromNow, offer, offerList, speakerUser, stopClockAtNow } from '../support/speaker-fixtures';

// The build imports each NutUI component from its own module (see babel.config.js).
jest.mock('@nutui/nutui-react-taro/dist/es/packages/picker', () => ({
  __esModule: true,
  default: jest.requireActual('../support/fake-pickers').FakePicker,
}));

const OFFERS = '/api/speaker/offers';
const ACCEPT = '/api/offers/61/accept';
const DECLINE = '/api/offers/61/decline';

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

function startChoicesShown(): string[] {
  return within(screen.getByRole('dialog', { name: '选择开始时间' }))
    .getAllByRole('button')
    .map((button) => button.textContent ?? '')
    .filter((text) => text !== '确定');
}

describe('待接的单', () => {
  it('shows a pending offer: topic, place, audience, note, windows in Shanghai time, why it came and the time left', async () => {
    const pending = offer({
      venueName: null,
      audienceKinds: ['elderly', 'party'],
      note: '老人多，请讲慢一点',
      deadlineAt: minutesFromNow(5 * 60 + 12),
      windows: [
        { start: '2030-06-01T01:00:00.000Z', end: '2030-06-01T04:00:00.000Z' },
        { start: '2030-06-02T06:00:00.000Z', end: '2030-06-02T08:00:00.000Z' },
      ],
    });
    fakeApi().on('GET', OFFERS, reply(200, offerList([pending])));

    render(<SpeakerOffersPage />);

    const card = (await screen.findByText('反诈骗知识进社区')).closest('.ywk-offer-card') as HTMLElement;
    expect(within(card).getByText('剩余 5 小时 12 分')).toBeInTheDocument();
    expect(within(card).getByText('惠阳社区 · 社区安排')).toBeInTheDocument();
    expect(within(card).getByText('约 30 人 · 老年人、党员')).toBeInTheDocument();
    expect(within(card).getByText('老人多，请讲慢一点')).toBeInTheDocument();
    expect(within(card).getByText('6月1日 09:00–12:00')).toBeInTheDocument();
    expect(within(card).getByText('6月2日 14:00–16:00')).toBeInTheDocument();
    expect(within(card).getByText('同社区')).toBeInTheDocument();
    expect(within(card).getByText('近30天0场')).toBeInTheDocument();
  });

  it('counts the time left down each minute', async () => {
    jest.useFakeTimers({ now: NOW });
    fakeApi().on('GET', OFFERS, reply(200, offerList([offer({ deadlineAt: minutesFromNow(61.5) })])));

    render(<SpeakerOffersPage />);
    expect(await screen.findByText('剩余 1 小时 1 分')).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('剩余 1 小时 0 分')).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(screen.getByText('剩余 59 分')).toBeInTheDocument();
  });

  it('offers starts every half hour that leave room for the talk, and none in the past', async () => {
    const pending = offer({
      durationMin: 90,
      windows: [
        // 1 June 09:00–12:00: the talk of 90 minutes can start until 10:30.
        { start: '2030-06-01T01:00:00.000Z', end: '2030-06-01T04:00:00.000Z' },
        // Today 07:00–10:00, and it is 08:00 now.
        { start: minutesFromNow(-60), end: minutesFromNow(120) },
      ],
    });
    fakeApi().on('GET', OFFERS, reply(200, offerList([pending])));

    render(<SpeakerOffersPage />);
    fireEvent.click(await screen.findByText('接单'));

    expect(startChoicesShown()).toEqual([
      '5月31日 周五 08:00–09:30',
      '5月31日 周五 08:30–10:00',
      '6月1日 周六 09:00–10:30',
      '6月1日 周六 09:30–11:00',
      '6月1日 周六 10:00–11:30',
      '6月1日 周六 10:30–12:00',
    ]);
  });

  it('accepts at the chosen start once the speaker confirms, and shows the talk', async () => {
    const accepted = talkSummary({ id: 90, startsAt: '2030-06-01T02:00:00.000Z', endsAt: '2030-06-01T03:30:00.000Z' });
    const api = fakeApi()
      .on('GET', OFFERS, reply(200, offerList([offer()])), reply(200, offerList([], [offer({ status: 'accepted', respondedAt: NOW.toISOString() })])))
      .on('POST', ACCEPT, reply(200, { talk: accepted, requestId: 41 }));

    render(<SpeakerOffersPage />);
    fireEvent.click(await screen.findByText('接单'));
    fireEvent.click(screen.getByRole('button', { name: '6月1日 周六 10:00–11:30' }));

    expect(await screen.findByText('时间：6月1日 周六 10:00–11:30')).toBeInTheDocument();
    expect(api.requestsTo('POST', ACCEPT)).toHaveLength(0);
    fireEvent.click(screen.getByText('确定接单'));

    await waitFor(() => expect(api.requestsTo('POST', ACCEPT)).toHaveLength(1));
    expect(api.requestsTo('POST', ACCEPT)[0].body).toEqual({ startsAt: '2030-06-01T02:00:00.000Z' });
    expect(await screen.findByText('接单成功')).toBeInTheDocument();
    expect(screen.getByText('已接单：反诈骗知识进社区')).toBeInTheDocument();
    expect(screen.getByText('6月1日 10:00–11:30')).toBeInTheDocument();
    expect(screen.getByText('惠阳路12号')).toBeInTheDocument();
    // The inbox is read again: the offer is now among the answered ones.
    expect(await screen.findByText('已接单', { selector: '.ywk-offer-status' })).toBeInTheDocument();
    expect(api.requestsTo('GET', OFFERS)).toHaveLength(2);

    fireEvent.click(screen.getByText('查看我的宣讲'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/speaker/talks/index' });
  });

  it('accepts at the earliest start when the speaker confirms the wheel as it opens', async () => {
    const api = fakeApi()
      .on('GET', OFFERS, reply(200, offerList([offer()])))
      .on('POST', ACCEPT, reply(200, { talk: talkSummary({ id: 90 }), requestId: 41 }));

    render(<SpeakerOffersPage />);
    fireEvent.click(await screen.findByText('接单'));
    fireEvent.click(within(screen.getByRole('dialog', { name: '选择开始时间' })).getByRole('button', { name: '确定' }));
    fireEvent.click(await screen.findByText('确定接单'));

    await waitFor(() => expect(api.requestsTo('POST', ACCEPT)).toHaveLength(1));
    expect(api.requestsTo('POST', ACCEPT)[0].body).toEqual({ startsAt: '2030-06-01T01:00:00.000Z' });
  });

  it('sends nothing when the speaker thinks again', async () => {
    const api = fakeApi().on('GET', OFFERS, reply(200, offerList([offer()])));

    render(<SpeakerOffersPage />);
    fireEvent.click(await screen.findByText('接单'));
    fireEvent.click(screen.getByRole('button', { name: '6月1日 周六 09:00–10:30' }));
    fireEvent.click(await screen.findByText('再想想'));

    await waitFor(() => expect(screen.queryByText('时间：6月1日 周六 09:00–10:30')).not.toBeInTheDocument());
    expect(api.requestsTo('POST', ACCEPT)).toHaveLength(0);
  });

  it('shows the server’s refusal and reads the inbox again', async () => {
    const api = fakeApi()
      .on('GET', OFFERS, reply(200, offerList([offer()])), reply(200, offerList([], [offer({ status: 'expired' })])))
      .on('POST', ACCEPT, errorReply(409, 'offer_expired', '接单时限已过'));

    render(<SpeakerOffersPage />);
    fireEvent.click(await screen.findByText('接单'));
    fireEvent.click(screen.getByRole('button', { name: '6月1日 周六 09:00–10:30' }));
    fireEvent.click(await screen.findByText('确定接单'));

    expect(await screen.findByText('接单时限已过')).toBeInTheDocument();
    expect(await screen.findByText('已超时', { selector: '.ywk-offer-status' })).toBeInTheDocument();
    expect(api.requestsTo('GET', OFFERS)).toHaveLength(2);
    expect(screen.queryByText('接单成功')).not.toBeInTheDocument();
    expect(screen.queryByText(/已接单：/)).not.toBeInTheDocument();
  });

  it('declines only with a reason, and sends it', async () => {
    const api = fakeApi()
      .on('GET', OFFERS, reply(200, offerList([offer()])), reply(200, offerList([], [offer({ status: 'declined' })])))
      .on('POST', DECLINE, reply(200, { offerId: 61, status: 'declined', request: {} }));

    render(<SpeakerOffersPage />);
    fireEvent.click(await screen.findByText('婉拒'));
    expect(await screen.findByText('婉拒后，系统会把这次点单派给其他宣讲员。')).toBeInTheDocument();

    fireEvent.click(screen.getByText('确定婉拒'));
    expect(await screen.findByText('请填写婉拒原因')).toBeInTheDocument();
    expect(api.requestsTo('POST', DECLINE)).toHaveLength(0);

    const reason = await findTextArea('textarea[placeholder="请写明原因，如：当天另有安排"]');
    fireEvent.input(reason, { target: { value: '  当天要去区里开会  ' } });
    fireEvent.click(screen.getByText('确定婉拒'));

    await waitFor(() => expect(api.requestsTo('POST', DECLINE)).toHaveLength(1));
    expect(api.requestsTo('POST', DECLINE)[0].body).toEqual({ reason: '当天要去区里开会' });
    expect(await screen.findByText('已婉拒，系统会派给其他宣讲员')).toBeInTheDocument();
    expect(await screen.findByText('已婉拒', { selector: '.ywk-offer-status' })).toBeInTheDocument();
  });

  it('lists answered offers with their outcome', async () => {
    fakeApi().on(
      'GET',
      OFFERS,
      reply(
        200,
        offerList(
          [],
          [
            offer({ id: 63, status: 'accepted', topicTitle: '民法典与百姓生活', respondedAt: minutesFromNow(-60) }),
            offer({ id: 62, status: 'declined', topicTitle: '垃圾分类我先行', respondedAt: minutesFromNow(-120) }),
            offer({ id: 61, status: 'withdrawn', topicTitle: '反诈骗知识进社区' }),
          ],
        ),
      ),
    );

    render(<SpeakerOffersPage />);

    expect(await screen.findByText('暂时没有待接的单。')).toBeInTheDocument();
    const outcomes = [...document.querySelectorAll('.ywk-offer-status')].map((status) => status.textContent);
    expect(outcomes).toEqual(['已接单', '已婉拒', '已撤回']);
    expect(screen.getByText('惠阳社区 · 党群服务中心二楼 · 5月31日 07:00')).toBeInTheDocument();
  });

  it('says plainly when no offer has come yet', async () => {
    fakeApi().on('GET', OFFERS, reply(200, offerList([])));

    render(<SpeakerOffersPage />);

    expect(await screen.findByText('暂时没有派给您的单')).toBeInTheDocument();
  });

  it('offers 重试 when the inbox cannot be loaded', async () => {
    fakeApi().on('GET', OFFERS, networkError, networkError, reply(200, offerList([offer()])));

    render(<SpeakerOffersPage />);
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
  });

  it('tells a user who is not a registered speaker whom to ask, without a useless 重试', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', OFFERS, errorReply(403, 'not_a_speaker', '您还不是登记的宣讲员'));

    render(<SpeakerOffersPage />);

    expect(await screen.findByText('宣讲员由街道登记。想参加宣讲，请联系街道宣传办。')).toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
  });

  it('reads the inbox again when the speaker comes back to it', async () => {
    const api = fakeApi().on('GET', OFFERS, reply(200, offerList([])), reply(200, offerList([offer()])));

    render(<SpeakerOffersPage />);
    await screen.findByText('暂时没有派给您的单');
    // The first show is the page appearing; the second is the speaker coming back to it.
    currentPage.show();
    currentPage.show();

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
    expect(api.requestsTo('GET', OFFERS)).toHaveLength(2);
  });

  it('asks a signed-out visitor to sign in', () => {
    clearSession();
    fakeApi();

    render(<SpeakerOffersPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
  });
});

describe('我的 · 宣讲员入口', () => {
  it('is for speakers only', () => {
    expect(isSpeaker(speakerUser)).toBe(true);
    expect(isSpeaker(resident)).toBe(false);
  });

  it('opens the inbox, the talks and the profile', () => {
    render(<SpeakerEntryCells />);

    fireEvent.click(screen.getByText('待接的单'));
    fireEvent.click(screen.getByText('我的宣讲'));
    fireEvent.click(screen.getByText('宣讲员资料'));

    expect(navigateTo.mock.calls.map(([options]) => options)).toEqual([
      { url: '/packages/speaker/offers/index' },
      { url: '/packages/speaker/talks/index' },
      { url: '/packages/speaker/profile/index' },
    ]);
  });
});
