import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Cell, DatePicker, Form, Input, NoticeBar, Radio, Switch, TextArea, Toast } from '@nutui/nutui-react-taro';
import type { Me } from '../../../core/api/auth';
import type { PostDraftBody, StaffPost } from '../../../core/api/posts';
import { POST_CATEGORIES, type PostCategory } from '../../../core/catalog';
import { REVIEW_STAGE_LABELS } from '../../../core/posts';
import { dayjs, formatDateTime } from '../../../core/time';
import { adminPostsApi } from '../../../services/api';
import { errorMessage } from '../../../services/api-error';
import { replaceWithPostReview } from '../../../services/navigation';
import { type PublishingUnit, editorUnits } from '../../../services/staff-access';
import { toBodyHtml } from './body-html';
import { instantFromPicker, pickerDateOf } from './publish-time';

const TOAST_ID = 'editor-toast';
/** How far ahead a post may be scheduled. */
const SCHEDULE_MONTHS = 6;

interface DraftFields {
  title: string;
  category: PostCategory;
  unitId: number;
  summary: string;
  source: string;
  bodyHtml: string;
  coverUrl: string;
  videoUrl: string;
  pinned: boolean;
}

type Intent = 'save' | 'submit';

interface DraftFormProps {
  user: Me;
  /** The post being edited; a new post without it. */
  post?: StaffPost;
}

/** The units offered: the user's editor units, and the post's own unit when editing. */
function unitChoices(user: Me, post?: StaffPost): PublishingUnit[] {
  const units = editorUnits(user);
  if (post && !units.some((unit) => unit.id === post.unitId)) units.push({ id: post.unitId, name: post.unitName });
  return units;
}

function initialFields(units: PublishingUnit[], post?: StaffPost): Partial<DraftFields> {
  if (!post) return { unitId: units.length === 1 ? units[0].id : undefined, pinned: false, summary: '' };
  return {
    title: post.title,
    category: post.category,
    unitId: post.unitId,
    summary: post.summary,
    source: post.source,
    bodyHtml: post.bodyHtml,
    coverUrl: post.coverUrl ?? '',
    videoUrl: post.videoUrl ?? '',
    pinned: post.pinned,
  };
}

function draftBody(fields: DraftFields, publishAt: string | null): PostDraftBody {
  return {
    title: fields.title.trim(),
    category: fields.category,
    unitId: fields.unitId,
    summary: (fields.summary ?? '').trim(),
    source: fields.source.trim(),
    bodyHtml: toBodyHtml(fields.bodyHtml),
    coverUrl: (fields.coverUrl ?? '').trim() || null,
    videoUrl: (fields.videoUrl ?? '').trim() || null,
    pinned: fields.pinned ?? false,
    publishAt,
  };
}

/** What the editor should know before changing this post. */
function EditingNotice({ post }: { post?: StaffPost }) {
  if (!post) return null;
  if (post.status === 'published') {
    return <NoticeBar wrap scrollable={false} content="已发布的文章不能直接修改。如需修改，请终审人先撤回文章。" />;
  }
  const last = post.history[post.history.length - 1];
  if (post.status === 'draft' && last?.action === 'rejected' && last.comment) {
    const stage = last.stage ? REVIEW_STAGE_LABELS[last.stage] : '审核';
    return <NoticeBar wrap scrollable={false} content={`${stage}退回（${last.actorName}）：${last.comment}`} />;
  }
  if (post.status !== 'draft') {
    return <NoticeBar wrap scrollable={false} content="修改后将生成新版本，需要重新提交三审。" />;
  }
  return null;
}

const httpsOnly = (what: string) => ({ pattern: /^https:\/\/\S+$/, message: `${what}地址需以 https:// 开头` });

/** Writing a post: fields, scheduled time, 保存草稿 and 提交审核. */
export function DraftForm({ user, post }: DraftFormProps) {
  const [form] = Form.useForm();
  const [postId, setPostId] = useState(post?.id);
  const [publishAt, setPublishAt] = useState<string | null>(post?.publishAt ?? null);
  const [pickingTime, setPickingTime] = useState(false);
  const [saving, setSaving] = useState<Intent | null>(null);
  const intent = useRef<Intent>('save');
  const units = unitChoices(user, post);
  const locked = post?.status === 'published';

  function send(chosen: Intent) {
    if (saving) return;
    intent.current = chosen;
    form.submit();
  }

  async function persist(fields: DraftFields) {
    const chosen = intent.current;
    if (publishAt && !dayjs(publishAt).isAfter(dayjs())) {
      Toast.show(TOAST_ID, { content: '定时发布时间已过，请重新选择或取消定时', icon: 'fail' });
      return;
    }
    setSaving(chosen);
    try {
      const body = draftBody(fields, publishAt);
      const saved = postId ? await adminPostsApi.update(postId, body) : await adminPostsApi.create(body);
      setPostId(saved.id);
      if (chosen === 'submit') {
        await adminPostsApi.submit(saved.id);
        Toast.show(TOAST_ID, { content: '已提交审核', icon: 'success' });
        replaceWithPostReview(saved.id).catch(() => undefined);
      } else {
        Toast.show(TOAST_ID, { content: '草稿已保存', icon: 'success' });
      }
    } catch (error) {
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    } finally {
      setSaving(null);
    }
  }

  return (
    <View className="ywk-editor">
      <EditingNotice post={post} />
      <Form
        form={form}
        initialValues={initialFields(units, post)}
        labelPosition="top"
        disabled={locked}
        onFinish={persist}
        footer={
          locked ? null : (
            <View className="ywk-editor-actions">
              <Button fill="outline" type="primary" loading={saving === 'save'} onClick={() => send('save')}>
                保存草稿
              </Button>
              <Button type="primary" loading={saving === 'submit'} onClick={() => send('submit')}>
                提交审核
              </Button>
            </View>
          )
        }
      >
        <Form.Item
          name="title"
          label="标题"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            { max: 80, message: '标题不能超过 80 个字' },
          ]}
        >
          <Input placeholder="请输入标题" maxLength={80} clearable />
        </Form.Item>
        <Form.Item name="category" label="栏目" rules={[{ required: true, message: '请选择栏目' }]}>
          <Radio.Group direction="horizontal" shape="button">
            {POST_CATEGORIES.map((category) => (
              <Radio key={category.key} value={category.key}>
                {category.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="unitId" label="发布单位" rules={[{ required: true, type: 'number', message: '请选择发布单位' }]}>
          <Radio.Group direction="horizontal" shape="button">
            {units.map((unit) => (
              <Radio key={unit.id} value={unit.id}>
                {unit.name}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="source"
          label="来源"
          rules={[
            { required: true, whitespace: true, message: '请填写来源，如“街道党工委”' },
            { max: 60, message: '来源不能超过 60 个字' },
          ]}
        >
          <Input placeholder="如：云溪街道党工委" maxLength={60} clearable />
        </Form.Item>
        <Form.Item name="summary" label="摘要" rules={[{ max: 200, message: '摘要不能超过 200 个字' }]}>
          <TextArea className="ywk-editor__summary" placeholder="列表中显示的一两句话，可不填" maxLength={200} showCount />
        </Form.Item>
        <Form.Item
          name="bodyHtml"
          label="正文"
          rules={[
            { required: true, whitespace: true, message: '请填写正文' },
            { max: 200000, message: '正文太长，请分成几篇发布' },
          ]}
        >
          <TextArea className="ywk-editor__body" placeholder="可直接粘贴文稿，每行一段；也可粘贴 HTML" maxLength={200000} />
        </Form.Item>
        <Form.Item name="coverUrl" label="封面图片地址" rules={[httpsOnly('封面图片')]}>
          <Input placeholder="https:// 开头，可不填" clearable />
        </Form.Item>
        <Form.Item name="videoUrl" label="视频地址" rules={[httpsOnly('视频')]}>
          <Input placeholder="https:// 开头，可不填" clearable />
        </Form.Item>
        <Form.Item name="pinned" label="置顶" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Cell
          title="定时发布"
          description={publishAt ? `${formatDateTime(publishAt)} 发布` : '不定时：终审通过后立即发布'}
          extra={
            publishAt && !locked ? (
              <Button size="small" fill="none" onClick={() => setPublishAt(null)}>
                取消定时
              </Button>
            ) : null
          }
          clickable={!locked}
          onClick={() => !locked && setPickingTime(true)}
        />
      </Form>
      <DatePicker
        visible={pickingTime}
        type="datetime"
        title="选择发布时间"
        showChinese
        minuteStep={5}
        startDate={new Date()}
        endDate={dayjs().add(SCHEDULE_MONTHS, 'month').toDate()}
        defaultValue={publishAt ? pickerDateOf(publishAt) : undefined}
        onConfirm={(_options, values) => setPublishAt(instantFromPicker(values))}
        onClose={() => setPickingTime(false)}
      />
      <Toast id={TOAST_ID} />
    </View>
  );
}
