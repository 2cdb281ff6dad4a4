import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import SpeakerProfilePage from '../../../src/packages/speaker/profile/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { communities } from '../support/booking-fixtures';
import { type FakeApi, errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { sessionFor } from '../support/fixtures';
import { findTextArea } from '../support/fields';
import { currentPage } from '../support/page-runtime';
import { speakerMenu, speakerProfile, speakerUser } from '../support/speaker-fixtures';

// The build imports each NutUI component from its own module (see babel.config.js).
jest.mock('@nutui/nutui-react-taro/dist/es/packages/picker', () => ({
  __esModule: true,
  default: jest.requireActual('../support/fake-pickers').FakePicker,
}));

const PROFILE = '/api/speaker/profile';
const BIO_FIELD = 'textarea[placeholder="如：在社区工作二十年，熟悉居民议事和调解"]';

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(speakerUser));
});

function profileServer(profile = speakerProfile()): FakeApi {
  return fakeApi()
    .on('GET', PROFILE, reply(200, profile))
    .on('GET', '/api/topics', reply(200, speakerMenu))
    .on('GET', '/api/communities', reply(200, communities))
    .on('PUT', PROFILE, (request) => reply(200, { ...profile, ...(request.body as object) }));
}

async function openProfile() {
  render(<SpeakerProfilePage />);
  await screen.findByText('保存资料');
}

function topicRow(title: string): HTMLElement {
  return screen.getByText(title, { selector: '.ywk-speaker-profile__topic-title' }).closest('.ywk-speaker-profile__topic') as HTMLElement;
}

function chosenLevel(title: string): string | null {
  return topicRow(title).querySelector('.nut-radio-button-active')?.textContent ?? null;
}

function availabilityRows(): string[] {
  return [...document.querySelectorAll('.ywk-availability__row')].map((row) =>
    [...row.querySelectorAll('.nut-cell-extra')].map((extra) => extra.textContent).join(' '),
  );
}

/** Taps a cell of one availability row and picks an option from the picker it opens. */
function pickInRow(rowIndex: number, cellTitle: '星期' | '开始' | '结束', option: string) {
  const row = document.querySelectorAll<HTMLElement>('.ywk-availability__row')[rowIndex];
  fireEvent.click(within(row).getByText(cellTitle));
  fireEvent.click(screen.getByRole('button', { name: option }));
}

function saveRequests(api: FakeApi) {
  return api.requestsTo('PUT', PROFILE);
}

describe('宣讲员资料', () => {
  it('shows the profile as saved: who, the bio, topics with their level, communities, free hours, limit and pause', async () => {
    profileServer();
    await openProfile();

    expect(screen.getByText('王建国')).toBeInTheDocument();
    expect(screen.getByText('老书记课堂 · 退休老支书')).toBeInTheDocument();
    expect(await findTextArea(BIO_FIELD)).toHaveValue('原惠阳社区党委书记，在社区工作二十三年。');
    expect(chosenLevel('反诈骗知识进社区')).toBe('精通');
    expect(chosenLevel('民法典与百姓生活')).toBe('擅长');
    expect(chosenLevel('垃圾分类我先行')).toBe('不讲');
    expect(screen.getByText('惠阳社区').closest('.nut-checkbox')).toHaveClass('nut-checkbox-active');
    expect(screen.getByText('锦绣社区').closest('.nut-checkbox')).not.toHaveClass('nut-checkbox-active');
    expect(availabilityRows()).toEqual(['周二 09:00 11:30']);
    expect(document.querySelector('.nut-inputnumber-input')).toHaveValue('2');
    expect(document.querySelector('.nut-switch')).toHaveClass('nut-switch-close');
    expect(screen.getByText('暂停期间不会收到新的派单，已安排的宣讲照常进行。')).toBeInTheDocument();
  });

  it('saves the edited profile as a whole and says so', async () => {
    const api = profileServer();
    await openProfile();

    fireEvent.input(await findTextArea(BIO_FIELD), { target: { value: '  退休老支书，熟悉社区调解。  ' } });
    fireEvent.click(within(topicRow('民法典与百姓生活')).getByText('不讲'));
    fireEvent.click(within(topicRow('垃圾分类我先行')).getByText('能讲'));
    fireEvent.click(screen.getByText('锦绣社区'));
    pickInRow(0, '星期', '周三');
    fireEvent.click(screen.getByText('添加空闲时间'));
    pickInRow(1, '开始', '14:00');
    pickInRow(1, '结束', '17:00');
    fireEvent.click(document.querySelector('.nut-inputnumber-add') as HTMLElement);
    await waitFor(() => expect(document.querySelector('.nut-inputnumber-input')).toHaveValue('3'));
    fireEvent.click(document.querySelector('.nut-switch') as HTMLElement);
    expect(availabilityRows()).toEqual(['周三 09:00 11:30', '周四 14:00 17:00']);
    fireEvent.click(screen.getByText('保存资料'));

    await waitFor(() => expect(saveRequests(api)).toHaveLength(1));
    expect(saveRequests(api)[0].body).toEqual({
      bio: '退休老支书，熟悉社区调解。',
      topics: [
        { topicId: 5, level: 3 },
        { topicId: 7, level: 1 },
      ],
      communityIds: [3, 4],
      availability: [
        { weekday: 3, startMinute: 540, endMinute: 690 },
        { weekday: 4, startMinute: 840, endMinute: 1020 },
      ],
      maxTalksPerWeek: 3,
      paused: true,
    });
    expect(await screen.findByText('资料已保存')).toBeInTheDocument();
  });

  it('removes a free-time row', async () => {
    const api = profileServer(speakerProfile({ availability: [{ weekday: 2, startMinute: 540, endMinute: 690 }, { weekday: 4, startMinute: 840, endMinute: 990 }] }));
    await openProfile();

    fireEvent.click(screen.getAllByText('删除这段')[0]);
    expect(availabilityRows()).toEqual(['周四 14:00 16:30']);
    fireEvent.click(screen.getByText('保存资料'));

    await waitFor(() => expect(saveRequests(api)).toHaveLength(1));
    expect((saveRequests(api)[0].body as { availability: unknown }).availability).toEqual([{ weekday: 4, startMinute: 840, endMinute: 990 }]);
  });

  it('refuses free time that ends before it starts, and sends nothing', async () => {
    const api = profileServer();
    await openProfile();

    pickInRow(0, '结束', '08:00');
    fireEvent.click(screen.getByText('保存资料'));

    expect(await screen.findAllByText('结束时间须晚于开始时间')).not.toHaveLength(0);
    expect(saveRequests(api)).toHaveLength(0);
  });

  it('refuses a profile without any topic, and sends nothing', async () => {
    const api = profileServer();
    await openProfile();

    fireEvent.click(within(topicRow('反诈骗知识进社区')).getByText('不讲'));
    fireEvent.click(within(topicRow('民法典与百姓生活')).getByText('不讲'));
    fireEvent.click(screen.getByText('保存资料'));

    expect(await screen.findAllByText('请至少选择一个能讲的主题')).not.toHaveLength(0);
    expect(saveRequests(api)).toHaveLength(0);
  });

  it('keeps a topic no longer on the menu when saving', async () => {
    const retired = speakerProfile({ topics: [{ topicId: 5, title: '反诈骗知识进社区', level: 3 }, { topicId: 9, title: '老旧小区改造', level: 2 }] });
    const api = profileServer(retired);
    await openProfile();

    expect(chosenLevel('老旧小区改造')).toBe('擅长');
    fireEvent.click(screen.getByText('保存资料'));

    await waitFor(() => expect(saveRequests(api)).toHaveLength(1));
    expect((saveRequests(api)[0].body as { topics: unknown }).topics).toEqual([
      { topicId: 5, level: 3 },
      { topicId: 9, level: 2 },
    ]);
  });

  it('shows the server’s message when saving is refused', async () => {
    profileServer().on('PUT', PROFILE, errorReply(400, 'validation_failed', '提交的内容有误，请检查后重试', { field: 'availability' }));
    await openProfile();

    fireEvent.click(screen.getByText('保存资料'));

    expect(await screen.findByText('提交的内容有误，请检查后重试')).toBeInTheDocument();
    expect(screen.queryByText('资料已保存')).not.toBeInTheDocument();
  });

  it('reads the profile again when the speaker comes back, but never over unsaved edits', async () => {
    const api = profileServer().on('GET', PROFILE, reply(200, speakerProfile()), reply(200, speakerProfile({ approved: false })));
    await openProfile();
    fireEvent.input(await findTextArea(BIO_FIELD), { target: { value: '还没保存的简介' } });
    // The first show is the page appearing; the second is the speaker coming back to it.
    currentPage.show();
    currentPage.show();

    expect(await findTextArea(BIO_FIELD)).toHaveValue('还没保存的简介');
    expect(api.requestsTo('GET', PROFILE)).toHaveLength(1);

    fireEvent.input(await findTextArea(BIO_FIELD), { target: { value: '原惠阳社区党委书记，在社区工作二十三年。' } });
    currentPage.show();

    expect(await screen.findByText('您的宣讲员资格还在审核中，审核通过后才会收到派单。')).toBeInTheDocument();
    expect(api.requestsTo('GET', PROFILE)).toHaveLength(2);
  });

  it('says when the speaker is still waiting for approval', async () => {
    profileServer(speakerProfile({ approved: false }));
    await openProfile();

    expect(screen.getByText('您的宣讲员资格还在审核中，审核通过后才会收到派单。')).toBeInTheDocument();
  });

  it('offers 重试 when the profile cannot be loaded', async () => {
    profileServer().on('GET', PROFILE, networkError, networkError, reply(200, speakerProfile()));

    render(<SpeakerProfilePage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('保存资料')).toBeInTheDocument();
  });

  it('asks a signed-out visitor to sign in', () => {
    clearSession();
    fakeApi();

    render(<SpeakerProfilePage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
  });
});
