import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import TalkCalendarPage from '../../../src/packages/booking/calendar/index';
import { clearSession } from '../../../src/services/session';
import { communities } from '../support/booking-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { talkSummary } from '../support/booking-fixtures';
import { spyOnNavigation } from '../support/navigation';

const DAY_MS = 24 * 3600_000;

const navigateTo = spyOnNavigation();

beforeEach(() => {
  // The calendar is public: nobody is signed in here.
  clearSession();
  localStorage.clear();
});

function dayTitled(title: string): HTMLElement {
  return screen.getByText(title, { selector: '.ywk-calendar-day__title' }).closest('.ywk-calendar-day') as HTMLElement;
}

function topicsIn(day: HTMLElement): string[] {
  return [...day.querySelectorAll('.ywk-calendar-talk__topic')].map((node) => node.textContent ?? '');
}

const morning = talkSummary({ id: 9 });
const afternoon = talkSummary({
  id: 10,
  startsAt: '2030-06-01T06:00:00.000Z',
  endsAt: '2030-06-01T07:00:00.000Z',
  topicTitle: '民法典与百姓生活',
  speakerName: '李秀梅',
  communityName: '锦绣社区',
  venueName: '锦绣社区活动室',
  capacity: 30,
  registrations: 30,
});
// 01:00 in Shanghai on 6月2日, though still 6月1日 in UTC.
const earlyNextDay = talkSummary({
  id: 11,
  startsAt: '2030-06-01T17:00:00.000Z',
  endsAt: '2030-06-01T18:00:00.000Z',
  topicTitle: '垃圾分类新规解读',
});

describe('宣讲日历', () => {
  it('groups the talks by Shanghai day, each with its time, place, speaker and seats', async () => {
    const api = fakeApi()
      .on('GET', '/api/communities', reply(200, communities))
      .on('GET', '/api/talks', reply(200, { talks: [morning, afternoon, earlyNextDay] }));

    render(<TalkCalendarPage />);

    await screen.findByText('反诈骗知识进社区');
    expect(topicsIn(dayTitled('6月1日 周六'))).toEqual(['反诈骗知识进社区', '民法典与百姓生活']);
    expect(topicsIn(dayTitled('6月2日 周日'))).toEqual(['垃圾分类新规解读']);

    const card = within(screen.getByText('民法典与百姓生活').closest('.ywk-calendar-talk') as HTMLElement);
    expect(card.getByText('14:00–15:00')).toBeInTheDocument();
    expect(card.getByText('锦绣社区 · 锦绣社区活动室')).toBeInTheDocument();
    expect(card.getByText('宣讲员：李秀梅')).toBeInTheDocument();
    expect(card.getByText('已报名 30/30')).toBeInTheDocument();
    expect(card.getByText('名额已满')).toBeInTheDocument();
    const first = within(screen.getByText('反诈骗知识进社区').closest('.ywk-calendar-talk') as HTMLElement);
    expect(first.getByText('09:00–10:30')).toBeInTheDocument();
    expect(first.getByText('已报名 12/80')).toBeInTheDocument();
    expect(first.queryByText('名额已满')).not.toBeInTheDocument();

    // 近期: the next 30 days for every community, asked without a token.
    const [sent] = api.requestsTo('GET', '/api/talks');
    expect(Object.keys(sent.query).sort()).toEqual(['from', 'to']);
    expect(Date.parse(sent.query.to) - Date.parse(sent.query.from)).toBe(30 * DAY_MS);
    expect(Math.abs(Date.parse(sent.query.from) - Date.now())).toBeLessThan(60_000);
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('asks the server for one community once its tab is chosen, and back for all', async () => {
    const api = fakeApi()
      .on('GET', '/api/communities', reply(200, communities))
      .on('GET', '/api/talks', (request) =>
        reply(200, { talks: request.query.community === '4' ? [afternoon] : [morning, afternoon] }),
      );

    render(<TalkCalendarPage />);
    await screen.findByText('反诈骗知识进社区');
    fireEvent.click(await screen.findByText('锦绣社区', { selector: '.nut-tabs-titles-item-text' }));

    await waitFor(() => expect(api.requestsTo('GET', '/api/talks')).toHaveLength(2));
    expect(await screen.findByText('民法典与百姓生活')).toBeInTheDocument();
    expect(screen.queryByText('反诈骗知识进社区')).not.toBeInTheDocument();
    const calls = api.requestsTo('GET', '/api/talks');
    expect(calls[calls.length - 1].query.community).toBe('4');
    expect(calls[calls.length - 1].query.from).toBe(calls[0].query.from);

    fireEvent.click(screen.getByText('全部社区', { selector: '.nut-tabs-titles-item-text' }));
    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/talks').at(-1)?.query.community).toBeUndefined();
  });

  it('looks a month further ahead, and back', async () => {
    const api = fakeApi()
      .on('GET', '/api/communities', reply(200, communities))
      .on('GET', '/api/talks', reply(200, { talks: [morning] }), reply(200, { talks: [earlyNextDay] }), reply(200, { talks: [morning] }));

    render(<TalkCalendarPage />);
    await screen.findByText('反诈骗知识进社区');
    expect(screen.queryByText('查看上个月')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('查看下个月'));

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    const [near, later] = api.requestsTo('GET', '/api/talks');
    expect(later.query.from).toBe(near.query.to);
    expect(Date.parse(later.query.to) - Date.parse(later.query.from)).toBe(30 * DAY_MS);
    // Talks are ordered at most 60 days ahead, so there is nothing later to look at.
    expect(screen.queryByText('查看下个月')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('查看上个月'));
    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/talks').at(-1)?.query.from).toBe(near.query.from);
  });

  it('opens a talk when tapped', async () => {
    fakeApi().on('GET', '/api/communities', reply(200, communities)).on('GET', '/api/talks', reply(200, { talks: [morning] }));

    render(<TalkCalendarPage />);
    fireEvent.click(await screen.findByText('反诈骗知识进社区'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/talk/index?id=9' });
  });

  it('says plainly when nothing is scheduled', async () => {
    fakeApi().on('GET', '/api/communities', reply(200, communities)).on('GET', '/api/talks', reply(200, { talks: [] }));

    render(<TalkCalendarPage />);

    expect(await screen.findByText('近期没有安排宣讲')).toBeInTheDocument();
    // The way further ahead stays open when the near term is empty.
    expect(screen.getByText('查看下个月')).toBeInTheDocument();
  });

  it('offers 重试 when the calendar cannot be loaded, and shows it once it can', async () => {
    fakeApi()
      .on('GET', '/api/communities', reply(200, communities))
      .on('GET', '/api/talks', networkError, networkError, reply(200, { talks: [morning] }));

    render(<TalkCalendarPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
  });

  it('still shows every community\'s talks when the list of communities cannot be loaded', async () => {
    fakeApi()
      .on('GET', '/api/communities', errorReply(500, 'internal_error', '服务器开小差了'))
      .on('GET', '/api/talks', reply(200, { talks: [morning] }));

    render(<TalkCalendarPage />);

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
    expect(screen.queryByText('全部社区')).not.toBeInTheDocument();
  });
});
