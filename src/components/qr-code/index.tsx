import { useMemo } from 'react';
import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './index.scss';

interface QrCodeProps {
  /** The text to encode: a check-in code URL, a personal code. */
  text: string;
  /** Shown to screen readers and in tests instead of the picture. */
  label: string;
  className?: string;
}

/** Pixels per module in the drawn image; the image is then scaled to its box without smoothing. */
const CELL_PIXELS = 8;
/** The quiet zone QR readers need around the symbol: four modules. */
const QUIET_MODULES = 4;

/**
 * Encodes text as a QR code image. Error correction M: a screen seen from 2 m at an angle, or a
 * printout with a crease, still reads, while the symbol stays at version 4 for a check-in URL.
 * The image is a GIF data URL, which the mini-program's Image and a browser both show, so no
 * canvas (and no canvas API difference between weapp and h5) is involved.
 */
export function qrCodeDataUrl(text: string): string {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  return code.createDataURL(CELL_PIXELS, CELL_PIXELS * QUIET_MODULES);
}

export function QrCode({ text, label, className }: QrCodeProps) {
  const src = useMemo(() => qrCodeDataUrl(text), [text]);
  return (
    <Image
      className={['ywk-qr-code', className ?? ''].filter(Boolean).join(' ')}
      src={src}
      // The symbol and its box are both square; aspectFit is also off-centre in Taro's h5 Image.
      mode="scaleToFill"
      ariaLabel={label}
    />
  );
}
