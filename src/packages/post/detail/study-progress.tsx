import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReadProgress } from '../../../core/api/posts';

interface StudyProgressProps {
  signedIn: boolean;
  onSignIn: () => void;
  /** Seconds after which the post counts as studied. */
  requiredSeconds: number;
  /** The server's answer to the latest reading report; null before the first one. */
  progress: ReadProgress | null;
}

function progressText(requiredSeconds: number, progress: ReadProgress | null): string {
  if (!progress) return `阅读满 ${requiredSeconds} 秒计为已学习`;
  if (!progress.studied) return `已学习 ${progress.seconds} 秒 / 需 ${progress.requiredSeconds} 秒`;
  if (progress.points > 0) return `已完成学习 +${progress.points} 积分`;
  if (progress.todayPoints >= progress.dailyCap) {
    return `已完成学习，今日积分已满（${progress.todayPoints}/${progress.dailyCap}）`;
  }
  return '已完成学习';
}

/** 学习进度: how long this post has been read, and what it earned. */
export function StudyProgress({ signedIn, onSignIn, requiredSeconds, progress }: StudyProgressProps) {
  if (!signedIn) {
    return (
      <View className="ywk-study-progress">
        <View className="ywk-study-progress__text">登录后，阅读时长计入学习记录和学习积分</View>
        <Button size="small" type="primary" fill="outline" onClick={onSignIn}>
          登录
        </Button>
      </View>
    );
  }
  return (
    <View className={`ywk-study-progress${progress?.studied ? ' ywk-study-progress--done' : ''}`}>
      <View className="ywk-study-progress__text">{progressText(requiredSeconds, progress)}</View>
    </View>
  );
}
