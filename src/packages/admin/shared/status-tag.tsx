import { Tag } from '@nutui/nutui-react-taro';
import { POST_STATUS_LABELS, type PostStatus } from '../../../core/posts';

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** Waiting on someone is orange, published is green, a draft or a withdrawn post is grey. */
const STATUS_TAG_TYPES: Record<PostStatus, TagType> = {
  draft: 'default',
  first_review: 'warning',
  second_review: 'warning',
  final_review: 'warning',
  published: 'success',
  unpublished: 'default',
};

export function PostStatusTag({ status }: { status: PostStatus }) {
  return <Tag type={STATUS_TAG_TYPES[status]}>{POST_STATUS_LABELS[status]}</Tag>;
}
