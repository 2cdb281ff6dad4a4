import { Cell } from '@nutui/nutui-react-taro';
import { openLedger } from '../../services/ledger-navigation';

function openLedgerPage() {
  openLedger().catch(() => undefined);
}

/** The way into 签到台账 for the staff who run talks (see runsLedger); residents never see it. */
export function LedgerEntryCell() {
  return <Cell title="签到台账" description="查看全年宣讲和签到情况，导出 Excel" clickable onClick={openLedgerPage} />;
}
