import type { AudienceKind, PostCategory, SpeakerTeam } from '../../../src/core/catalog';

/** The demo street's content, written as plain data so the seed script stays small. */

export interface SeedCommunity {
  /** Stable key used by the other seed files, e.g. 'huiyang'. */
  key: string;
  /** Full name as residents say it, e.g. '惠阳社区'. */
  name: string;
}

export interface SeedVenue {
  community: string; // SeedCommunity.key
  name: string; // e.g. '惠阳社区党群服务中心二楼会议室'
  address: string;
  /** GCJ-02 coordinates. */
  lat: number;
  lng: number;
  /** Check-in geofence radius in metres. */
  radiusM: number;
  capacity: number;
}

export interface SeedTopic {
  key: string;
  title: string;
  description: string;
  durationMin: number;
  audience: AudienceKind[];
}

export interface SeedSpeaker {
  name: string;
  team: SpeakerTeam;
  /** Short title shown beside the name, e.g. '退休老支书', '社区青年干部'. */
  title: string;
  bio: string;
  /** Level 1 (can speak on it) to 3 (expert). */
  topics: { topic: string; level: 1 | 2 | 3 }[];
  communities: string[]; // SeedCommunity.key
  /** Weekly availability in Shanghai time; weekday 0 = Sunday. */
  availability: { weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6; start: string; end: string }[];
  maxTalksPerWeek: number;
  /** Speaks the local dialect (matters for elderly audiences). */
  dialect: boolean;
  paused?: boolean;
}

export interface SeedPost {
  title: string;
  category: PostCategory;
  /** 来源, e.g. '云溪街道党工委宣传办'. */
  source: string;
  summary: string;
  /** Paragraphs of HTML using only <p>, <h3>, <strong>, <em>, <ul>/<ol>/<li>, <blockquote>. */
  bodyHtml: string;
  pinned?: boolean;
  /** Published this many days before the seed runs. */
  daysAgo: number;
  /** Owning community; absent means the street itself. */
  community?: string;
}
