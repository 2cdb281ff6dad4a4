import Taro from '@tarojs/taro';
import type { LedgerExportLink } from '../core/api/ledger';

export const DOWNLOAD_FAILED_MESSAGE = '网络不好，下载失败，请稍后重试';
export const LINK_REFUSED_MESSAGE = '下载没有成功，请重新导出台账';
export const OPEN_FAILED_MESSAGE = '台账已下载，但没能打开，请稍后重试';

/** A download that did not reach the user; its message is fit to show as it is. */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** The browser saves it under the server's Content-Disposition name; nothing comes back to check. */
function saveInBrowser(url: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

async function downloadToPhone(url: string): Promise<string> {
  let answer: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    answer = await Taro.downloadFile({ url });
  } catch {
    throw new DownloadError(DOWNLOAD_FAILED_MESSAGE);
  }
  // WeChat writes any answer to the file, an expired ticket's error body included.
  if (answer.statusCode !== 200) throw new DownloadError(LINK_REFUSED_MESSAGE);
  return answer.tempFilePath;
}

/**
 * Fetches the 台账 workbook from its export link. In WeChat it opens in the document viewer,
 * whose menu lets the user forward it to a chat or save it; a browser simply downloads it.
 */
export async function downloadLedger(link: LedgerExportLink): Promise<void> {
  const url = `${API_BASE_URL}${link.path}`;
  if (process.env.TARO_ENV === 'h5') {
    saveInBrowser(url, link.fileName);
    return;
  }
  const filePath = await downloadToPhone(url);
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new DownloadError(OPEN_FAILED_MESSAGE);
  }
}
