import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import TalkOrderPage from '../../../src/packages/booking/order/index';
import { inShanghai } from '../../../src/core/time';
import { clearSession, saveSession } from '../../../src/services/session';
import { communities, talkRequest, topic } from '../support/booking-fixtures';
import { type FakeApi, fakeApi, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { currentPage } from '../support/page-runtime';
import { findTextArea } from '../support/fields';

// The build imports each NutUI component from its own module (see babel.config.js).
jest.mock('@nutui/nutui-react-taro/dist/es/packages/picker', () => ({
  __esModule: true,
  default: jest.requireActual('../support/fake-pickers').FakePicker,
}));
jest.mock('@nutui/nutui-react-taro/dist/es/packages/datepicker', () => ({
  __esModule: true,
  default: jest.requireActual('../support/fake-pickers').FakeDatePicker,
}));

const antiFraud = topic({ id: 5, durationMin: 90, audience: ['elderly'] });

let redirectTo: jest.SpyInstance;

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
});

afterEach(() => {
  redirectTo.mockRestore();
});

function orderServer(): FakeApi {
  return fakeApi()
    .on('GET', '/api/topics', reply(200, { topics: [antiFraud, topic({ id: 6, title: '民法典与百姓生活' })] }))
    .on('GET', '/api/communities', reply(200, communities))
    .on('POST', '/api/talk-requests', (request) => reply(201, talkRequest({ id: 77, ...(request.body as object) })));
}

/** A Shanghai wall-clock day some days from now, as the picker shows it. */
function shanghaiDayAhead(days: number): string {
  return inShanghai(new Date()).add(days, 'day').format('YYYY-MM-DD');
}

async function openForm() {
  currentPage.openWith({ topicId: '5' });
  render(<TalkOrderPage />);
  await screen.findByText('提交点单');
}

function chooseCommunity(name: string) {
  // The first field's cell names the chosen community, or asks for one.
  fireEvent.click(document.querySelector('.ywk-order-form__field .nut-cell') as HTMLElement);
  fireEvent.click(screen.getByRole('button', { name }));
}

function pickTime(cellTitle: '开始' | '结束', windowIndex: number, wallClock: string) {
  fireEvent.click(screen.getAllByText(cellTitle)[windowIndex]);
  fireEvent.change(screen.getByLabelText('picked time'), { target: { value: wallClock } });
  fireEvent.click(screen.getByRole('button', { name: '确定' }));
}

describe('点单 form', () => {
  it('refuses a time that has already passed with the same message as the server, and sends nothing', async () => {
    const api = orderServer();
    await openForm();
    chooseCommunity('惠阳社区');

    pickTime('开始', 0, `${inShanghai(new Date()).subtract(1, 'day').format('YYYY-MM-DD')} 09:00`);
    fireEvent.click(screen.getByText('提交点单'));

    expect(await screen.findAllByText('不能选择已过去的时间')).not.toHaveLength(0);
    expect(api.requestsTo('POST', '/api/talk-requests')).toHaveLength(0);
  });

  it('refuses a window shorter than the topic, naming its length, and sends nothing', async () => {
    const api = orderServer();
    await openForm();
    chooseCommunity('惠阳社区');

    const day = shanghaiDayAhead(3);
    pickTime('开始', 0, `${day} 09:00`);
    pickTime('结束', 0, `${day} 10:00`);
    fireEvent.click(screen.getByText('提交点单'));

    expect(await screen.findAllByText('时间段不能短于宣讲时长（90分钟）')).not.toHaveLength(0);
    expect(api.requestsTo('POST', '/api/talk-requests')).toHaveLength(0);
  });

  it('starts with the resident’s own community chosen, and its venues offered', async () => {
    orderServer();
    await openForm();

    expect(screen.getByText('惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('老年活动室（可容纳 40 人）')).toBeInTheDocument();
  });

  it('takes the community the picker opens at when the resident confirms it untouched', async () => {
    saveSession(sessionFor({ ...resident, community: null }));
    const api = orderServer();
    await openForm();
    fireEvent.click(screen.getByText('请选择社区'));
    fireEvent.click(within(screen.getByRole('dialog', { name: '选择社区' })).getByRole('button', { name: '确定' }));
    fireEvent.click(screen.getByText('提交点单'));

    await waitFor(() => expect(api.requestsTo('POST', '/api/talk-requests')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/talk-requests')[0].body).toMatchObject({ communityId: 3 });
  });

  it('asks for a community before sending when the user has none on record', async () => {
    saveSession(sessionFor({ ...resident, community: null }));
    const api = orderServer();
    await openForm();

    fireEvent.click(screen.getByText('提交点单'));

    expect(await screen.findByText('请选择社区', { selector: '.ywk-order-form__issue' })).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/talk-requests')).toHaveLength(0);
  });

  it('sends a valid order and opens the new request', async () => {
    const api = orderServer();
    await openForm();
    chooseCommunity('惠阳社区');
    fireEvent.click(screen.getByText('老年活动室（可容纳 40 人）'));

    const first = shanghaiDayAhead(3);
    const second = shanghaiDayAhead(4);
    pickTime('开始', 0, `${first} 09:00`);
    fireEvent.click(screen.getByText('再加一个时间段'));
    pickTime('开始', 1, `${second} 14:00`);
    pickTime('结束', 1, `${second} 16:00`);
    fireEvent.click(screen.getByText('党员'));
    const note = await findTextArea();
    fireEvent.input(note, { target: { value: '  希望多讲身边的案例  ' } });
    fireEvent.click(screen.getByText('提交点单'));

    await waitFor(() => expect(api.requestsTo('POST', '/api/talk-requests')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/talk-requests')[0].body).toEqual({
      topicId: 5,
      communityId: 3,
      venueId: 32,
      windows: [
        { start: new Date(`${first}T09:00:00+08:00`).toISOString(), end: new Date(`${first}T10:30:00+08:00`).toISOString() },
        { start: new Date(`${second}T14:00:00+08:00`).toISOString(), end: new Date(`${second}T16:00:00+08:00`).toISOString() },
      ],
      audienceSize: 30,
      audienceKinds: ['elderly', 'party'],
      note: '希望多讲身边的案例',
    });
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/booking/request/index?id=77' }));
  });

  it('sends 社区安排 as no venue', async () => {
    const api = orderServer();
    await openForm();
    chooseCommunity('锦绣社区');
    fireEvent.click(screen.getByText('提交点单'));

    await waitFor(() => expect(api.requestsTo('POST', '/api/talk-requests')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/talk-requests')[0].body).toMatchObject({ communityId: 4, venueId: null });
  });
});
