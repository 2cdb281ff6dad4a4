import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { qrCodeDataUrl } from '../../../src/components/qr-code';
import MyCheckinCodePage from '../../../src/packages/checkin/my-code/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { communityEditor, resident, sessionFor } from '../support/fixtures';

const personalCode = 'ywk-p:7:20786:AbCdEfGhIjKlMnOp';
const renewedCode = 'ywk-p:7:20787:QrStUvWxYz012345';
/** Far enough ahead that the kept code is still good whenever the test runs. */
const expiresAt = '2099-11-29T16:00:00.000Z';

/** The picture the organiser scans: Taro's Image, found by its label. */
function qrImage(): Promise<Element> {
  return waitFor(() => {
    const image = document.querySelector('[aria-label="我的签到码二维码"]');
    if (!image) throw new Error('no QR code on the page yet');
    return image;
  });
}

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
});

describe('我的签到码', () => {
  it('draws the personal code as a QR code, with the text in small print and when it expires', async () => {
    fakeApi().on('GET', '/api/me/checkin-code', reply(200, { code: personalCode, expiresAt: '2026-11-29T08:30:00.000Z' }));

    render(<MyCheckinCodePage />);

    expect(await screen.findByText(personalCode)).toBeInTheDocument();
    expect((await qrImage()).getAttribute('src')).toBe(qrCodeDataUrl(personalCode));
    expect(screen.getByText('有效期至 11月29日 16:30')).toBeInTheDocument();
  });

  it('fetches a new code on 刷新签到码 and draws it', async () => {
    const api = fakeApi().on(
      'GET',
      '/api/me/checkin-code',
      reply(200, { code: personalCode, expiresAt }),
      reply(200, { code: renewedCode, expiresAt }),
    );

    render(<MyCheckinCodePage />);
    fireEvent.click(await screen.findByText('刷新签到码'));

    expect(await screen.findByText(renewedCode)).toBeInTheDocument();
    expect((await qrImage()).getAttribute('src')).toBe(qrCodeDataUrl(renewedCode));
    expect(api.requestsTo('GET', '/api/me/checkin-code')).toHaveLength(2);
  });

  it('offers 重试 when the code cannot be loaded', async () => {
    fakeApi().on(
      'GET',
      '/api/me/checkin-code',
      errorReply(500, 'internal_error', '服务器开小差了'),
      reply(200, { code: personalCode, expiresAt: '2026-11-29T08:30:00.000Z' }),
    );

    render(<MyCheckinCodePage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText(personalCode)).toBeInTheDocument();
  });

  it('shows the last code it fetched when there is no network, marked as offline', async () => {
    fakeApi().on('GET', '/api/me/checkin-code', reply(200, { code: personalCode, expiresAt }), networkError);
    const { unmount } = render(<MyCheckinCodePage />);
    expect(await screen.findByText(personalCode)).toBeInTheDocument();
    unmount();

    render(<MyCheckinCodePage />);

    expect(await screen.findByText(personalCode)).toBeInTheDocument();
    expect(screen.getByText('离线内容，联网后自动更新')).toBeInTheDocument();
    expect((await qrImage()).getAttribute('src')).toBe(qrCodeDataUrl(personalCode));
  });

  it('does not show another account’s kept code', async () => {
    fakeApi().on(
      'GET',
      '/api/me/checkin-code',
      reply(200, { code: personalCode, expiresAt }),
      networkError,
    );
    const { unmount } = render(<MyCheckinCodePage />);
    expect(await screen.findByText(personalCode)).toBeInTheDocument();
    unmount();
    saveSession(sessionFor(communityEditor));

    render(<MyCheckinCodePage />);

    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.queryByText(personalCode)).not.toBeInTheDocument();
  });

  it('does not show a kept code that has expired', async () => {
    fakeApi().on('GET', '/api/me/checkin-code', reply(200, { code: personalCode, expiresAt: '2020-01-01T00:00:00.000Z' }), networkError);
    const { unmount } = render(<MyCheckinCodePage />);
    expect(await screen.findByText(personalCode)).toBeInTheDocument();
    unmount();

    render(<MyCheckinCodePage />);

    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.queryByText(personalCode)).not.toBeInTheDocument();
  });
});
