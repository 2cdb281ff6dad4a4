import { downloadFile, openDocument } from '@tarojs/taro-h5';
import {
  DOWNLOAD_FAILED_MESSAGE,
  DownloadError,
  LINK_REFUSED_MESSAGE,
  OPEN_FAILED_MESSAGE,
  downloadLedger,
} from '../../../src/services/download';
import { exportLink } from '../support/ledger-fixtures';

// The h5 build turns Taro.downloadFile and Taro.openDocument into this module's named exports
// (babel-plugin-transform-taroapi), which cannot be spied on in place.
jest.mock('@tarojs/taro-h5', () => ({
  __esModule: true,
  ...jest.requireActual('@tarojs/taro-h5'),
  downloadFile: jest.fn(),
  openDocument: jest.fn(),
}));

const fetchFile = jest.mocked(downloadFile);
const openFile = jest.mocked(openDocument);
const link = exportLink();

beforeEach(() => {
  fetchFile.mockReset();
  openFile.mockReset();
});

describe('downloadLedger in a browser', () => {
  it('follows a download link to the workbook on the API server', async () => {
    const followed: Array<{ href: string; download: string; attached: boolean }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      followed.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });

    await downloadLedger(link);

    expect(followed).toEqual([
      {
        href: 'http://localhost/api/admin/exports/attendance/file?ticket=t-2025-abc',
        download: '云溪街道2025年签到台账.xlsx',
        attached: true,
      },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(fetchFile).not.toHaveBeenCalled();
    click.mockRestore();
  });
});

describe('downloadLedger in WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  afterEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  function downloaded(statusCode: number) {
    fetchFile.mockResolvedValue({ statusCode, tempFilePath: 'wxfile://tmp/ledger.xlsx', filePath: '', errMsg: 'downloadFile:ok' });
  }

  it('downloads the workbook and opens it with the menu to forward or save it', async () => {
    downloaded(200);
    openFile.mockResolvedValue({ errMsg: 'openDocument:ok' });

    await downloadLedger(link);

    expect(fetchFile).toHaveBeenCalledWith({ url: '/api/admin/exports/attendance/file?ticket=t-2025-abc' });
    expect(openFile).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/ledger.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('says the network failed when the file does not arrive', async () => {
    fetchFile.mockRejectedValue({ errMsg: 'downloadFile:fail timeout' });

    const failure = downloadLedger(link);

    await expect(failure).rejects.toBeInstanceOf(DownloadError);
    await expect(failure).rejects.toThrow(DOWNLOAD_FAILED_MESSAGE);
    expect(openFile).not.toHaveBeenCalled();
  });

  it('does not open what the server answered instead of the workbook, such as an expired link', async () => {
    downloaded(410);

    await expect(downloadLedger(link)).rejects.toThrow(LINK_REFUSED_MESSAGE);
    expect(openFile).not.toHaveBeenCalled();
  });

  it('says the workbook could not be opened once downloaded', async () => {
    downloaded(200);
    openFile.mockRejectedValue({ errMsg: 'openDocument:fail filetype not supported' });

    await expect(downloadLedger(link)).rejects.toThrow(OPEN_FAILED_MESSAGE);
  });
});
