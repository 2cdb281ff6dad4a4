import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import TalkPage from '../../../src/packages/booking/talk/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { findTextArea } from '../support/fields';
import { resident, sessionFor } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { heldTalk, talkDetail } from '../support/talk-fixtures';

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
  currentPage.openWith({ id: '9' });
});

function stars(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.ywk-talk-rating__stars .nut-rate-item')];
}

function litStars(): number {
  return document.querySelectorAll('.ywk-talk-rating__stars .nut-rate-item-icon:not(.nut-rate-item-icon-disabled)').length;
}

describe('宣讲详情', () => {
  it('shows when and where the talk is, in Shanghai time, with its speaker, seats and status', async () => {
    const api = fakeApi().on('GET', '/api/talks/9', reply(200, talkDetail()));

    render(<TalkPage />);

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
    expect(screen.getByText('6月1日 周六')).toBeInTheDocument();
    expect(screen.getByText('09:00–10:30')).toBeInTheDocument();
    expect(screen.getByText('党群服务中心二楼')).toBeInTheDocument();
    expect(screen.getByText('惠阳路12号')).toBeInTheDocument();
    expect(screen.getByText('惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('王建国')).toBeInTheDocument();
    expect(screen.getByText('已报名 12/80')).toBeInTheDocument();
    expect(screen.getByText('待举办')).toBeInTheDocument();
    expect(screen.getByText('我要参加')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/talks/9')[0].headers.authorization).toBe('Bearer access-7-1');
  });

  it('registers with 我要参加, then offers 取消参加', async () => {
    const api = fakeApi()
      .on('GET', '/api/talks/9', reply(200, talkDetail()))
      .on('POST', '/api/talks/9/registrations', reply(200, { talkId: 9, registered: true, registrations: 13 }));

    render(<TalkPage />);
    fireEvent.click(await screen.findByText('我要参加'));

    expect(await screen.findByText('取消参加')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/talks/9/registrations')).toHaveLength(1);
    expect(screen.getByText('已报名 13/80')).toBeInTheDocument();
    expect(screen.getByText('您已报名，请按时到场参加。')).toBeInTheDocument();
    expect(screen.queryByText('我要参加')).not.toBeInTheDocument();
  });

  it('cancels a registration only once the resident confirms', async () => {
    const api = fakeApi()
      .on('GET', '/api/talks/9', reply(200, talkDetail({ registered: true, canRegister: false, registrations: 13 })))
      .on('DELETE', '/api/talks/9/registrations/mine', reply(200, { talkId: 9, registered: false, registrations: 12 }));

    render(<TalkPage />);
    fireEvent.click(await screen.findByText('取消参加'));
    expect(await screen.findByText('取消后，您的名额会让给其他居民。确定不参加了吗？')).toBeInTheDocument();
    fireEvent.click(screen.getByText('再想想'));
    await waitFor(() => expect(screen.queryByText('取消后，您的名额会让给其他居民。确定不参加了吗？')).not.toBeVisible());
    expect(api.requestsTo('DELETE', '/api/talks/9/registrations/mine')).toHaveLength(0);

    fireEvent.click(screen.getByText('取消参加'));
    fireEvent.click(await screen.findByText('确定取消'));

    expect(await screen.findByText('我要参加')).toBeInTheDocument();
    expect(api.requestsTo('DELETE', '/api/talks/9/registrations/mine')).toHaveLength(1);
    expect(screen.getByText('已报名 12/80')).toBeInTheDocument();
  });

  it('shows the server\'s message when the last seat is gone, and offers no 我要参加 any more', async () => {
    fakeApi()
      .on('GET', '/api/talks/9', reply(200, talkDetail({ registrations: 79 })))
      .on('POST', '/api/talks/9/registrations', errorReply(409, 'talk_full', '名额已满，欢迎参加下一场', { talkId: 9, capacity: 80 }));

    render(<TalkPage />);
    fireEvent.click(await screen.findByText('我要参加'));

    expect(await screen.findByText('名额已满，欢迎参加下一场', { selector: '.nut-toast-text' })).toBeInTheDocument();
    expect(screen.queryByText('我要参加')).not.toBeInTheDocument();
    expect(screen.getByText('名额已满')).toBeInTheDocument();
    expect(screen.getByText('已报名 80/80')).toBeInTheDocument();
  });

  it('takes a rating only with a star, sends it with the comment, then shows it read-only', async () => {
    const api = fakeApi()
      .on('GET', '/api/talks/9', reply(200, heldTalk()))
      .on('POST', '/api/talks/9/feedback', reply(201, { talkId: 9, rating: 4, requestStatus: 'rated' }));

    render(<TalkPage />);
    expect(await screen.findByText('请为您点的这场宣讲打个分')).toBeInTheDocument();
    expect(screen.getByText('已举办')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('请先点选星级，1 星最低，5 星最高')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/talks/9/feedback')).toHaveLength(0);

    fireEvent.click(stars()[3]);
    expect(litStars()).toBe(4);
    const comment = await findTextArea('textarea[placeholder="说说您的感受（可以不填）"]');
    fireEvent.input(comment, { target: { value: '  讲得通俗易懂，案例很实在  ' } });
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('感谢您的评价', { selector: '.nut-toast-text' })).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/talks/9/feedback')[0].body).toEqual({ rating: 4, comment: '讲得通俗易懂，案例很实在' });
    expect(screen.getByText('您的评价：4 星')).toBeInTheDocument();
    expect(screen.queryByText('提交评价')).not.toBeInTheDocument();
    expect(document.querySelector('.ywk-talk-rating__stars')).toHaveClass('readonly');
  });

  it('sends a rating without a comment when none was written', async () => {
    const api = fakeApi()
      .on('GET', '/api/talks/9', reply(200, heldTalk({ isRequester: false, registered: true })))
      .on('POST', '/api/talks/9/feedback', reply(201, { talkId: 9, rating: 5, requestStatus: null }));

    render(<TalkPage />);
    expect(await screen.findByText('请为这场宣讲打个分')).toBeInTheDocument();
    fireEvent.click(stars()[4]);
    fireEvent.click(screen.getByText('提交评价'));

    expect(await screen.findByText('您的评价：5 星')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/talks/9/feedback')[0].body).toEqual({ rating: 5 });
  });

  it('shows a rating already given, read-only, with no form', async () => {
    fakeApi().on('GET', '/api/talks/9', reply(200, heldTalk({ canRate: false, myRating: 3 })));

    render(<TalkPage />);

    expect(await screen.findByText('您的评价：3 星')).toBeInTheDocument();
    expect(litStars()).toBe(3);
    expect(screen.queryByText('提交评价')).not.toBeInTheDocument();
  });

  it('offers no rating to someone who was not at the talk', async () => {
    fakeApi().on('GET', '/api/talks/9', reply(200, heldTalk({ canRate: false, isRequester: false })));

    render(<TalkPage />);

    expect(await screen.findByText('宣讲已结束。点单人和参加宣讲的居民可以在这里评价。')).toBeInTheDocument();
    expect(screen.queryByText('提交评价')).not.toBeInTheDocument();
  });

  it('says so when the talk was cancelled', async () => {
    fakeApi().on('GET', '/api/talks/9', reply(200, talkDetail({ status: 'cancelled', canRegister: false, registered: true })));

    render(<TalkPage />);

    expect(await screen.findByText('这场宣讲已取消。')).toBeInTheDocument();
    expect(screen.getByText('已取消')).toBeInTheDocument();
    expect(screen.queryByText('取消参加')).not.toBeInTheDocument();
  });

  it('shows the talk to a signed-out resident and asks them to sign in to join', async () => {
    clearSession();
    const api = fakeApi().on('GET', '/api/talks/9', reply(200, talkDetail()));

    render(<TalkPage />);
    fireEvent.click(await screen.findByText('登录后报名参加'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
    expect(api.requestsTo('GET', '/api/talks/9')[0].headers.authorization).toBeUndefined();
    expect(api.requestsTo('POST', '/api/talks/9/registrations')).toHaveLength(0);
  });

  it('offers 重试 when the talk cannot be loaded', async () => {
    fakeApi().on('GET', '/api/talks/9', networkError, networkError, reply(200, talkDetail()));

    render(<TalkPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('反诈骗知识进社区')).toBeInTheDocument();
  });
});
