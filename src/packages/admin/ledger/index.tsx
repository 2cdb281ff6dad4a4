import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Toast } from '@nutui/nutui-react-taro';
import { Articles, Tips } from '@nutui/icons-react-taro';
import type { LedgerQuery, LedgerStats } from '../../../core/api/ledger';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { ledgerApi } from '../../../services/api';
import { errorMessage, isApiError } from '../../../services/api-error';
import { DownloadError, downloadLedger } from '../../../services/download';
import { type LedgerChoice, LedgerFilters, currentLedgerYear } from './ledger-filters';
import { LedgerDemandCard, LedgerTotals, UnitList } from './ledger-summary';
import './index.scss';

const TOAST_ID = 'ledger-toast';

function exportFailureMessage(error: unknown): string {
  return error instanceof DownloadError ? error.message : errorMessage(error);
}

function ExportButton({ query, hasTalks }: { query: LedgerQuery; hasTalks: boolean }) {
  const [exporting, setExporting] = useState(false);

  const exportLedger = async () => {
    setExporting(true);
    try {
      const link = await ledgerApi.exportLink(query);
      await downloadLedger(link);
    } catch (error) {
      Toast.show(TOAST_ID, { content: exportFailureMessage(error), icon: 'fail' });
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="ywk-ledger-export">
      <Button type="primary" block loading={exporting} disabled={!hasTalks} onClick={exportLedger}>
        导出台账（Excel）
      </Button>
      <View className="ywk-hint">台账含签到人员信息，请妥善保管，不要随意转发。</View>
    </View>
  );
}

function LedgerBody({ stats }: { stats: LedgerStats }) {
  if (stats.talks === 0 && stats.demand.requests === 0) {
    return (
      <EmptyState
        icon={<Articles />}
        title="这一年还没有宣讲记录"
        description={`${stats.scopeName}${stats.year}年没有已举办或已安排的宣讲，可以换个年份查看。`}
      />
    );
  }
  return (
    <>
      <LedgerTotals stats={stats} />
      <LedgerDemandCard stats={stats} />
      <UnitList units={stats.units} />
    </>
  );
}

/** The units to narrow to do not change with the year: keep the last ones known while loading. */
function useKnownChoices(stats: Remote<LedgerStats>): LedgerChoice[] {
  const [choices, setChoices] = useState<LedgerChoice[]>([]);
  useEffect(() => {
    if (stats.status === 'ready') setChoices(stats.data.choices);
  }, [stats]);
  return choices;
}

function Ledger() {
  const [query, setQuery] = useState<LedgerQuery>(() => ({ year: currentLedgerYear() }));
  const [stats, reload] = useRemote(() => ledgerApi.stats(query), `${query.year}:${query.unitId ?? 'all'}`);
  const choices = useKnownChoices(stats);

  if (stats.status === 'error' && isApiError(stats.error, 'forbidden')) {
    return (
      <EmptyState
        icon={<Tips />}
        title="签到台账仅供街道、社区工作人员查看"
        description={errorMessage(stats.error)}
      />
    );
  }
  return (
    <>
      <LedgerFilters query={query} choices={choices} onChange={setQuery} />
      {stats.status === 'loading' ? <ListSkeleton cards={3} /> : null}
      {stats.status === 'error' ? <ErrorState error={stats.error} onRetry={reload} /> : null}
      {stats.status === 'ready' ? (
        <>
          <LedgerBody stats={stats.data} />
          <ExportButton query={query} hasTalks={stats.data.talks > 0} />
        </>
      ) : null}
    </>
  );
}

/** 签到台账: a year's talks and check-ins of the units a staff member runs, and its Excel export. */
export default function LedgerPage() {
  return (
    <PageShell>
      {/* Keyed by user: another account signing in starts from this year and its own units. */}
      <SignedIn>{(session) => <Ledger key={session.user.id} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
