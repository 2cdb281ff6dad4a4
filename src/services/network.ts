import Taro from '@tarojs/taro';

/**
 * Calls `onConnected` each time the phone gets a network connection back, so content shown from
 * the offline cache can update itself. Returns the function that stops watching.
 */
export function watchReconnect(onConnected: () => void): () => void {
  // On the web Taro relies on the Network Information API, which Safari and Firefox lack; every
  // browser fires `online`.
  if (process.env.TARO_ENV === 'h5') {
    window.addEventListener('online', onConnected);
    return () => window.removeEventListener('online', onConnected);
  }
  const listener = (status: { isConnected: boolean }) => {
    if (status.isConnected) onConnected();
  };
  Taro.onNetworkStatusChange(listener);
  return () => Taro.offNetworkStatusChange(listener);
}
