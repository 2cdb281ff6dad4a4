import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Dialog, Toast } from '@nutui/nutui-react-taro';
import type { Me } from '../../../core/api/auth';
import type { StaffPost } from '../../../core/api/posts';
import { REVIEW_STAGE_LABELS, STAGE_OF_STATUS, type ReviewStage } from '../../../core/posts';
import { adminPostsApi } from '../../../services/api';
import { errorMessage } from '../../../services/api-error';
import { openPostEditor } from '../../../services/navigation';
import { offeredActions } from './post-permissions';
import { ReasonDialog } from '../../../components/reason-dialog';
import { scheduledFor } from './schedule';
import './review-desk.scss';

type OpenDialog = 'approve' | 'reject' | 'unpublish' | null;

interface ReviewDeskProps {
  post: StaffPost;
  user: Me;
  /** Receives the post as the server answered a decision. */
  onChanged: (post: StaffPost) => void;
  /** The page's <Toast id> that reports each outcome. */
  toastId: string;
}

/** The decisions this user may take on the post; publishing, returning and withdrawing are confirmed first. */
export function ReviewDesk({ post, user, onChanged, toastId }: ReviewDeskProps) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [approving, setApproving] = useState(false);
  const offered = offeredActions(post, user);
  const stage = offered.reviewStage;
  const scheduled = scheduledFor(post.publishAt);
  const closeDialog = () => setDialog(null);
  // The stage and version on screen: if someone moved the post on meanwhile, the server refuses
  // the decision instead of applying it to a stage or text this reviewer did not see.
  const whatWasReviewed = (reviewStage: ReviewStage) => ({ stage: reviewStage, version: post.version });

  async function approve(reviewStage: ReviewStage) {
    setApproving(true);
    try {
      onChanged(await adminPostsApi.review(post.id, { decision: 'approve', ...whatWasReviewed(reviewStage) }));
      Toast.show(toastId, { content: `${REVIEW_STAGE_LABELS[reviewStage]}已通过`, icon: 'success' });
    } catch (error) {
      Toast.show(toastId, { content: errorMessage(error), icon: 'fail' });
    } finally {
      setApproving(false);
    }
  }

  async function reject(comment: string) {
    if (!stage) return;
    onChanged(await adminPostsApi.review(post.id, { decision: 'reject', comment, ...whatWasReviewed(stage) }));
    Toast.show(toastId, { content: '已退回修改', icon: 'success' });
  }

  async function unpublish(reason: string) {
    onChanged(await adminPostsApi.unpublish(post.id, { reason }));
    Toast.show(toastId, { content: '文章已撤回', icon: 'success' });
  }

  const pendingStage = STAGE_OF_STATUS[post.status];
  if (offered.alreadyReviewed && pendingStage) {
    // 三审三校 needs three different people: say so instead of offering a button the server refuses.
    return (
      <View className="ywk-review-actions ywk-review-actions--note">
        您已审核过这一稿，{REVIEW_STAGE_LABELS[pendingStage]}需由其他审核人员完成。
      </View>
    );
  }
  if (!stage && !offered.unpublish && !offered.edit) return null;

  return (
    <View className="ywk-review-actions">
      {offered.edit ? (
        <Button fill="outline" onClick={() => openPostEditor(post.id).catch(() => undefined)}>
          修改稿件
        </Button>
      ) : null}
      {stage ? (
        <>
          <Button fill="outline" type="primary" onClick={() => setDialog('reject')}>
            退回修改
          </Button>
          <Button
            type="primary"
            loading={approving}
            // 终审 publishes to residents, so it is confirmed; earlier stages only move the post on.
            onClick={() => (stage === 'final' ? setDialog('approve') : approve(stage))}
          >
            {REVIEW_STAGE_LABELS[stage]}通过
          </Button>
        </>
      ) : null}
      {offered.unpublish ? (
        <Button type="danger" fill="outline" onClick={() => setDialog('unpublish')}>
          撤回文章
        </Button>
      ) : null}
      <Dialog
        visible={dialog === 'approve'}
        title="终审通过"
        content={
          scheduled
            ? `通过后，文章将于 ${scheduled} 向居民发布。确定通过吗？`
            : '通过后，文章将立即向居民发布。确定通过吗？'
        }
        confirmText="确定通过"
        cancelText="取消"
        onConfirm={() => approve('final')}
        onCancel={closeDialog}
        onClose={closeDialog}
      />
      <ReasonDialog
        visible={dialog === 'reject'}
        title="填写退回意见"
        description="稿件将退回作者修改，修改后需重新提交三审。"
        placeholder="请写明需要修改的地方"
        missingMessage="请填写退回意见，说明需要修改的地方"
        maxLength={500}
        confirmText="确认退回"
        onSubmit={reject}
        onClose={closeDialog}
      />
      <ReasonDialog
        visible={dialog === 'unpublish'}
        title="撤回文章"
        description="撤回后居民将看不到这篇文章，撤回原因会记入审核记录。"
        placeholder="请写明撤回原因"
        missingMessage="请填写撤回原因"
        maxLength={200}
        confirmText="确认撤回"
        onSubmit={unpublish}
        onClose={closeDialog}
      />
    </View>
  );
}

