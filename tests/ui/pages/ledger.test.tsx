import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import LedgerPage from '../../../src/packages/admin/ledger/index';
import { DOWNLOAD_FAILED_MESSAGE, DownloadError, downloadLedger } from '../../../src/services/download';
import { clearSession, saveSession } from '../../../src/services/session';
import { stopClockAt } from '../support/clock';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { communityDispatcher, emptyYear, exportLink, ledgerStats, streetAdmin } from '../support/ledger-fixtures';

// The build imports each NutUI component from its own module (see babel.config.js).
jest.mock('@nutui/nutui-react-taro/dist/es/packages/picker', () => ({
  __esModule: true,
  default: jest.requireActual('../support/fake-pickers').FakePicker,
}));

// jsdom cannot download a file; the test checks which link the page hands over.
jest.mock('../../../src/services/download', () => ({
  ...jest.requireActual('../../../src/services/download'),
  downloadLedger: jest.fn(),
}));

const STATS = '/api/admin/stats';
const EXPORT = '/api/admin/exports/attendance';

const download = jest.mocked(downloadLedger);

beforeEach(() => {
  // 15 June 2026, 10:00 in Shanghai.
  stopClockAt(new Date('2026-06-15T02:00:00.000Z'));
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(streetAdmin));
  download.mockReset().mockResolvedValue(undefined);
});

afterEach(() => {
  jest.useRealTimers();
});

function exportButton(): HTMLElement {
  return screen.getByText('导出台账（Excel）').closest('.nut-button') as HTMLElement;
}

function unitRow(name: string): HTMLElement {
  return within(screen.getByText('分单位统计').closest('.nut-cell-group') as HTMLElement)
    .getByText(name)
    .closest('.nut-cell') as HTMLElement;
}

function checkinsBy(label: string): string {
  return (screen.getByText(label).closest('.ywk-ledger-way') as HTMLElement).textContent ?? '';
}

async function pickYear(year: number) {
  fireEvent.click(await screen.findByText('年度'));
  fireEvent.click(within(screen.getByRole('dialog', { name: '选择年度' })).getByText(`${year}年`));
}

describe('签到台账', () => {
  it('shows this year’s talks, check-ins by how people checked in, and each unit', async () => {
    const api = fakeApi().on('GET', STATS, reply(200, ledgerStats()));

    render(<LedgerPage />);

    expect(await screen.findByText('宣讲 12 场（已举办 9 场）')).toBeInTheDocument();
    expect(screen.getByText('签到 340 人次')).toBeInTheDocument();
    expect(screen.getByText('云溪街道 · 2026年')).toBeInTheDocument();
    expect(checkinsBy('扫码')).toBe('251扫码');
    expect(checkinsBy('个人签到码')).toBe('62个人签到码');
    expect(checkinsBy('代签到')).toBe('18代签到');
    expect(checkinsBy('离线补传')).toBe('9离线补传');
    expect(within(unitRow('惠阳社区')).getByText('7 场 · 签到 215 人次')).toBeInTheDocument();
    expect(within(unitRow('桃源社区')).getByText('5 场 · 签到 125 人次')).toBeInTheDocument();
    expect(within(unitRow('云溪街道')).getByText('0 场 · 签到 0 人次')).toBeInTheDocument();
    // Without a unit the server answers every unit the caller runs.
    expect(api.requestsTo('GET', STATS).map((request) => request.query)).toEqual([{ year: '2026' }]);
  });

  it('shows what residents asked for (点单), how far it got, and what they thought (评单)', async () => {
    fakeApi().on('GET', STATS, reply(200, ledgerStats()));

    render(<LedgerPage />);

    expect(await screen.findByText('点单 15 单')).toBeInTheDocument();
    expect(screen.getByText('已举办 9 · 进行中 3 · 未匹配 1 · 已取消 2')).toBeInTheDocument();
    expect(screen.getByText('96 条，平均 4.6 分')).toBeInTheDocument();
    expect(screen.getByText('垃圾分类进社区（5 单）、基层治理与居民自治（4 单）')).toBeInTheDocument();
  });

  it('says 暂无评价 for a year whose talks nobody has rated yet, and lists no topics without 点单', async () => {
    fakeApi().on('GET', STATS, reply(200, ledgerStats({ ratings: { count: 0, mean: null }, demand: { requests: 0, held: 0, inProgress: 0, unmatched: 0, cancelled: 0, topTopics: [] } })));

    render(<LedgerPage />);

    expect(await screen.findByText('暂无评价')).toBeInTheDocument();
    expect(screen.getByText('点单 0 单')).toBeInTheDocument();
    expect(screen.queryByText('点得最多的主题')).not.toBeInTheDocument();
  });

  it('counts the year in Shanghai time: New Year’s morning there is already the new year', async () => {
    // 31 December 2026, 16:30 UTC is 1 January 2027, 00:30 in Shanghai.
    stopClockAt(new Date('2026-12-31T16:30:00.000Z'));
    const api = fakeApi().on('GET', STATS, reply(200, emptyYear(2027)));

    render(<LedgerPage />);

    expect(await screen.findByText('2027年')).toBeInTheDocument();
    expect(api.requestsTo('GET', STATS)[0].query).toEqual({ year: '2027' });
  });

  it('loads the year chosen and offers the years back to 2020', async () => {
    const api = fakeApi().on('GET', STATS, (request) =>
      reply(200, ledgerStats({ year: Number(request.query.year), talks: Number(request.query.year) - 2000 })),
    );

    render(<LedgerPage />);
    await screen.findByText('宣讲 26 场（已举办 9 场）');
    fireEvent.click(screen.getByText('年度'));
    const years = within(screen.getByRole('dialog', { name: '选择年度' }))
      .getAllByRole('button')
      .map((button) => button.textContent)
      .filter((text) => text !== '确定');
    expect(years).toEqual(['2026年', '2025年', '2024年', '2023年', '2022年', '2021年', '2020年']);
    fireEvent.click(screen.getByText('2024年'));

    expect(await screen.findByText('宣讲 24 场（已举办 9 场）')).toBeInTheDocument();
    expect(api.requestsTo('GET', STATS).map((request) => request.query.year)).toEqual(['2026', '2024']);
  });

  it('narrows the 台账 to one unit, and back to 全部', async () => {
    const api = fakeApi().on('GET', STATS, (request) =>
      request.query.unitId === '3'
        ? reply(200, ledgerStats({ scopeName: '惠阳社区', talks: 7, units: [ledgerStats().units[0]] }))
        : reply(200, ledgerStats()),
    );

    render(<LedgerPage />);
    await screen.findByText('云溪街道 · 2026年');
    fireEvent.click(screen.getByText('范围'));
    fireEvent.click(within(screen.getByRole('dialog', { name: '选择范围' })).getByText('惠阳社区'));

    expect(await screen.findByText('惠阳社区 · 2026年')).toBeInTheDocument();
    expect(screen.getByText('宣讲 7 场（已举办 9 场）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('范围'));
    fireEvent.click(within(screen.getByRole('dialog', { name: '选择范围' })).getByText('全部'));

    expect(await screen.findByText('云溪街道 · 2026年')).toBeInTheDocument();
    expect(api.requestsTo('GET', STATS).map((request) => request.query)).toEqual([
      { year: '2026' },
      { year: '2026', unitId: '3' },
      { year: '2026' },
    ]);
  });

  it('offers no unit choice to a community’s staff, who run one unit', async () => {
    saveSession(sessionFor(communityDispatcher));
    fakeApi().on(
      'GET',
      STATS,
      reply(200, ledgerStats({ scopeName: '惠阳社区', units: [ledgerStats().units[0]], choices: [{ unitId: 3, name: '惠阳社区' }] })),
    );

    render(<LedgerPage />);

    expect(await screen.findByText('惠阳社区 · 2026年')).toBeInTheDocument();
    expect(screen.queryByText('范围')).not.toBeInTheDocument();
  });

  it('says plainly when a year has no talks, and does not offer the export', async () => {
    const api = fakeApi().on('GET', STATS, (request) =>
      request.query.year === '2021' ? reply(200, emptyYear(2021)) : reply(200, ledgerStats()),
    );

    render(<LedgerPage />);
    await screen.findByText('宣讲 12 场（已举办 9 场）');
    await pickYear(2021);

    expect(await screen.findByText('这一年还没有宣讲记录')).toBeInTheDocument();
    expect(screen.queryByText(/^宣讲 \d+ 场/)).not.toBeInTheDocument();
    expect(exportButton()).toHaveClass('nut-button-disabled');
    fireEvent.click(screen.getByText('导出台账（Excel）'));
    expect(api.requestsTo('POST', EXPORT)).toHaveLength(0);
  });

  it('tells someone who is not the street’s or a community’s staff that the 台账 is not for them', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', STATS, errorReply(403, 'forbidden', '没有权限进行此操作'));

    render(<LedgerPage />);

    expect(await screen.findByText('签到台账仅供街道、社区工作人员查看')).toBeInTheDocument();
    expect(screen.getByText('没有权限进行此操作')).toBeInTheDocument();
    expect(screen.queryByText('年度')).not.toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
    expect(screen.queryByText('导出台账（Excel）')).not.toBeInTheDocument();
  });

  it('offers 重试 when the 台账 cannot be loaded', async () => {
    fakeApi().on('GET', STATS, networkError, networkError, reply(200, ledgerStats()));

    render(<LedgerPage />);
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('宣讲 12 场（已举办 9 场）')).toBeInTheDocument();
  });

  it('asks for the export link of the year chosen and hands it to the download', async () => {
    const link = exportLink();
    const api = fakeApi().on('GET', STATS, reply(200, ledgerStats())).on('POST', EXPORT, reply(200, link));

    render(<LedgerPage />);
    await screen.findByText('宣讲 12 场（已举办 9 场）');
    await pickYear(2025);
    await screen.findByText('2025年');
    await waitFor(() => expect(exportButton()).not.toHaveClass('nut-button-disabled'));
    fireEvent.click(screen.getByText('导出台账（Excel）'));

    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(download).toHaveBeenCalledWith(link);
    expect(api.requestsTo('POST', EXPORT).map((request) => request.body)).toEqual([{ year: 2025 }]);
  });

  it('exports the unit chosen', async () => {
    const api = fakeApi().on('GET', STATS, reply(200, ledgerStats())).on('POST', EXPORT, reply(200, exportLink()));

    render(<LedgerPage />);
    await screen.findByText('宣讲 12 场（已举办 9 场）');
    fireEvent.click(screen.getByText('范围'));
    fireEvent.click(within(screen.getByRole('dialog', { name: '选择范围' })).getByText('桃源社区'));
    await waitFor(() => expect(api.requestsTo('GET', STATS)).toHaveLength(2));
    fireEvent.click(await screen.findByText('导出台账（Excel）'));

    await waitFor(() => expect(download).toHaveBeenCalled());
    expect(api.requestsTo('POST', EXPORT)[0].body).toEqual({ year: 2026, unitId: 4 });
  });

  it('shows the export working until the link answers, and takes no second tap meanwhile', async () => {
    let answer: (value: { status: number; body?: unknown }) => void = () => undefined;
    const pending = new Promise<{ status: number; body?: unknown }>((resolve) => {
      answer = resolve;
    });
    const api = fakeApi().on('GET', STATS, reply(200, ledgerStats())).on('POST', EXPORT, { pending });

    render(<LedgerPage />);
    fireEvent.click(await screen.findByText('导出台账（Excel）'));

    await waitFor(() => expect(exportButton()).toHaveClass('nut-button-loading'));
    fireEvent.click(screen.getByText('导出台账（Excel）'));
    answer({ status: 200, body: exportLink() });

    await waitFor(() => expect(exportButton()).not.toHaveClass('nut-button-loading'));
    expect(api.requestsTo('POST', EXPORT)).toHaveLength(1);
    expect(download).toHaveBeenCalledTimes(1);
  });

  it('says why the export failed when the server refuses it', async () => {
    fakeApi()
      .on('GET', STATS, reply(200, ledgerStats()))
      .on('POST', EXPORT, errorReply(500, 'internal_error', '系统繁忙，请稍后再试'));

    render(<LedgerPage />);
    fireEvent.click(await screen.findByText('导出台账（Excel）'));

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    expect(download).not.toHaveBeenCalled();
  });

  it('says the download failed when the file does not arrive', async () => {
    download.mockRejectedValue(new DownloadError(DOWNLOAD_FAILED_MESSAGE));
    fakeApi().on('GET', STATS, reply(200, ledgerStats())).on('POST', EXPORT, reply(200, exportLink()));

    render(<LedgerPage />);
    fireEvent.click(await screen.findByText('导出台账（Excel）'));

    expect(await screen.findByText('网络不好，下载失败，请稍后重试')).toBeInTheDocument();
    await waitFor(() => expect(exportButton()).not.toHaveClass('nut-button-loading'));
  });
});
