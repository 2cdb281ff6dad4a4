import type { SeedTopic } from '../types';

export const TOPICS: SeedTopic[] = [
  {
    key: 'congress',
    title: '党的二十大精神进社区',
    description:
      '结合社区实际，讲解党的二十大报告提出的主要目标任务和重大部署，重点说明与居民生活相关的就业、教育、医疗、养老等内容，讲后留出时间答疑交流。',
    durationMin: 60,
    audience: ['party', 'residents'],
  },
  {
    key: 'xithought',
    title: '习近平新时代中国特色社会主义思想学习',
    description:
      '面向社区党员，围绕习近平新时代中国特色社会主义思想的核心要义和实践要求开展专题学习，结合原文原著导读和基层工作实例进行讲解，可作为支部主题党日内容。',
    durationMin: 90,
    audience: ['party'],
  },
  {
    key: 'fourhistory',
    title: '四史故事会',
    description:
      '以讲故事的方式学习党史、新中国史、改革开放史、社会主义发展史，选取本地发生的历史事件和人物，配合老照片讲解，适合党员、居民和青少年一起参加。',
    durationMin: 45,
    audience: ['party', 'youth', 'residents'],
  },
  {
    key: 'governance',
    title: '基层治理与居民自治',
    description:
      '介绍居委会、业委会、物业三方协同的工作方法，讲解居民议事会、楼道长制度的做法，结合本街道老旧小区加装电梯、停车管理等实例，说明居民如何参与社区事务。',
    durationMin: 60,
    audience: ['residents', 'party'],
  },
  {
    key: 'garbage',
    title: '垃圾分类与文明新风',
    description:
      '讲解本市生活垃圾分类标准和投放时间，说明厨余垃圾、可回收物的常见分错情况，同时介绍文明养犬、不乱堆放、邻里互助等文明行为要求，可现场进行分类练习。',
    durationMin: 45,
    audience: ['residents', 'youth'],
  },
  {
    key: 'antifraud',
    title: '反诈防骗（面向老年人）',
    description:
      '针对老年人常遇到的保健品推销、冒充公检法、养老投资、中奖退款等骗局，用真实案例讲清楚骗子的常用话术和识别方法，现场指导安装国家反诈中心App。',
    durationMin: 40,
    audience: ['elderly'],
  },
  {
    key: 'insurance',
    title: '医保与养老政策解读',
    description:
      '解读城乡居民医保参保缴费、门诊和住院报销比例、异地就医备案，以及基本养老金领取资格认证、高龄津贴申领等政策，说明办理地点和所需材料，现场解答个人问题。',
    durationMin: 60,
    audience: ['elderly', 'residents'],
  },
  {
    key: 'civilcode',
    title: '民法典进社区',
    description:
      '围绕婚姻家庭、继承、居住权、相邻关系、物业服务合同等与居民生活关系密切的条款，结合社区常见纠纷案例进行讲解，帮助居民了解自身权利义务，依法处理家庭和邻里问题。',
    durationMin: 60,
    audience: ['residents', 'elderly'],
  },
  {
    key: 'familyvirtue',
    title: '红色家风传承',
    description:
      '讲述老一辈革命者和本社区老党员的家风家训故事，引导家庭成员之间交流学习心得，倡导勤俭持家、孝老爱亲、清白做人的家风，可以祖孙一起参加。',
    durationMin: 45,
    audience: ['party', 'youth', 'residents'],
  },
  {
    key: 'patriotism',
    title: '青少年爱国主义教育',
    description:
      '面向辖区中小学生，通过英雄人物故事、国旗国歌国徽知识、本地红色遗址介绍等内容开展爱国主义教育，形式以讲述和互动问答为主，适合寒暑假和周末开展。',
    durationMin: 40,
    audience: ['youth'],
  },
  {
    key: 'safety',
    title: '平安建设与消防安全',
    description:
      '讲解电动自行车室内充电、楼道堆物、燃气使用等居家安全隐患，演示灭火器和消防栓的使用方法，介绍平安巡防和邻里守望的做法，说明发现隐患后的报告渠道。',
    durationMin: 45,
    audience: ['residents', 'elderly'],
  },
  {
    key: 'localstories',
    title: '老党员讲身边故事',
    description:
      '由社区老党员、老干部讲述自己亲历的街道变化，包括旧城改造、企业改制、社区建设等经历，讲述普通党员在岗位上发挥作用的事例，讲后与听众座谈交流。',
    durationMin: 45,
    audience: ['party', 'elderly', 'youth'],
  },
  {
    key: 'employment',
    title: '就业创业政策',
    description:
      '介绍高校毕业生、就业困难人员、退役军人等群体的就业补贴和创业扶持政策，说明创业担保贷款、职业技能培训补贴的申请条件和办理流程，并发布近期招聘信息。',
    durationMin: 60,
    audience: ['youth', 'residents'],
  },
  {
    key: 'rulelaw',
    title: '法治宣传与矛盾调解',
    description:
      '宣传与居民生活相关的法律法规，介绍人民调解、法律援助的申请方式和街道公共法律服务点的服务时间，结合邻里纠纷、家庭矛盾调解案例，讲解依法理性表达诉求的途径。',
    durationMin: 60,
    audience: ['residents'],
  },
  {
    key: 'health',
    title: '老年健康与慢病防治',
    description:
      '由医务人员讲解高血压、糖尿病等常见慢性病的日常管理和用药注意事项，介绍家庭医生签约服务和老年人免费体检安排，提醒识别虚假保健品宣传，可现场测量血压。',
    durationMin: 45,
    audience: ['elderly'],
  },
  {
    key: 'volunteer',
    title: '志愿服务与邻里互助',
    description:
      '介绍新时代文明实践志愿服务的项目和参与方式，讲解志愿者注册、服务时长记录和积分兑换办法，分享社区助老、助学、楼道清洁等志愿服务经验，欢迎青年居民参加。',
    durationMin: 45,
    audience: ['youth', 'residents'],
  },
];
