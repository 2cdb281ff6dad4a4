import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { Tips } from '@nutui/icons-react-taro';
import type { Me } from '../../../core/api/auth';
import { REVIEW_STAGE_LABELS, type ReviewStage } from '../../../core/posts';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { openPostEditor } from '../../../services/navigation';
import { editorUnits, mayUnpublish, reviewStagesOf } from '../../../services/staff-access';
import { type StaffPostScope, StaffPostList } from '../shared/staff-post-list';
import './index.scss';

type StaffTab = 'mine' | ReviewStage | 'published';

function scopeOf(tab: StaffTab): StaffPostScope {
  if (tab === 'mine' || tab === 'published') return { scope: tab };
  return { scope: 'queue', stage: tab };
}

function tabTitle(tab: StaffTab): string {
  if (tab === 'mine') return '我的稿件';
  if (tab === 'published') return '已发布';
  return `待${REVIEW_STAGE_LABELS[tab]}`;
}

function StaffDesk({ user }: { user: Me }) {
  const writes = editorUnits(user).length > 0;
  // Editors see their own posts; reviewers and approvers the stages they may decide; approvers and
  // admins also the published posts they may withdraw.
  const tabs: StaffTab[] = [
    ...(writes ? (['mine'] as const) : []),
    ...reviewStagesOf(user),
    ...(mayUnpublish(user) ? (['published'] as const) : []),
  ];
  const [tab, setTab] = useState<StaffTab | undefined>(tabs[0]);

  if (!tab) {
    return (
      <EmptyState
        icon={<Tips />}
        title="没有要处理的稿件"
        description="您不负责写稿或审稿。"
      />
    );
  }

  return (
    <>
      <Tabs
        className="ywk-staff-tabs"
        value={tab}
        duration={0}
        onChange={(value) => setTab(tabs.find((candidate) => candidate === value))}
      >
        {tabs.map((candidate) => (
          <Tabs.TabPane key={candidate} title={tabTitle(candidate)} value={candidate} />
        ))}
      </Tabs>
      <StaffPostList key={tab} scope={scopeOf(tab)} />
      {writes ? (
        <View className="ywk-staff-actions">
          <Button block type="primary" onClick={() => openPostEditor().catch(() => undefined)}>
            写新稿件
          </Button>
        </View>
      ) : null}
    </>
  );
}

export default function StaffPostsPage() {
  return (
    <PageShell className="ywk-fill-page">
      <SignedIn>{(session) => <StaffDesk user={session.user} />}</SignedIn>
    </PageShell>
  );
}
