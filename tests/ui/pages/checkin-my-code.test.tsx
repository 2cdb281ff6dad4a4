import { fireEvent, render, screen } from '@testing-library/react';
import MyCheckinCodePage from '../../../src/packages/checkin/my-code/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
});

describe('我的签到码', () => {
  it('shows the personal code in large text with when it expires', async () => {
    fakeApi().on('GET', '/api/me/checkin-code', reply(200, { code: 'ywk-p:7.abcDEF123', expiresAt: '2026-11-29T08:30:00.000Z' }));

    render(<MyCheckinCodePage />);

    expect(await screen.findByText('ywk-p:7.abcDEF123')).toBeInTheDocument();
    expect(screen.getByText('有效期至 11月29日 16:30')).toBeInTheDocument();
  });

  it('offers 重试 when the code cannot be loaded', async () => {
    fakeApi().on(
      'GET',
      '/api/me/checkin-code',
      errorReply(500, 'internal_error', '服务器开小差了'),
      reply(200, { code: 'ywk-p:7.abcDEF123', expiresAt: '2026-11-29T08:30:00.000Z' }),
    );

    render(<MyCheckinCodePage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('ywk-p:7.abcDEF123')).toBeInTheDocument();
  });
});
