export default defineAppConfig({
  // The main package holds the tab pages only; every other page lives in a subpackage of its area.
  pages: ['pages/study/index', 'pages/order/index', 'pages/checkin/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['login/index'],
    },
    {
      root: 'packages/post',
      pages: ['detail/index', 'study/index'],
    },
    {
      root: 'packages/admin',
      pages: ['posts/index', 'editor/index', 'review/index', 'talk-requests/index', 'talk-request/index', 'ledger/index'],
    },
    {
      root: 'packages/booking',
      pages: ['order/index', 'requests/index', 'request/index', 'calendar/index', 'talk/index'],
    },
    {
      root: 'packages/checkin',
      pages: ['scan/index', 'my-code/index', 'organiser/index', 'attendance/index', 'scan-person/index'],
    },
    {
      root: 'packages/speaker',
      pages: ['offers/index', 'talks/index', 'profile/index'],
    },
  ],
  // Nearly every visit to 微课堂 opens a post: fetch its package while the reader looks at the list,
  // so the tap does not wait on a weak network.
  preloadRule: {
    'pages/study/index': { network: 'all', packages: ['packages/post'] },
  },
  window: {
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '云上微课堂',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/study/index',
        text: '微课堂',
        iconPath: 'assets/tabbar/study.png',
        selectedIconPath: 'assets/tabbar/study-active.png',
      },
      {
        pagePath: 'pages/order/index',
        text: '点单',
        iconPath: 'assets/tabbar/order.png',
        selectedIconPath: 'assets/tabbar/order-active.png',
      },
      {
        pagePath: 'pages/checkin/index',
        text: '签到',
        iconPath: 'assets/tabbar/checkin.png',
        selectedIconPath: 'assets/tabbar/checkin-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': {
      desc: '签到时核对您是否在活动场地附近',
    },
  },
  lazyCodeLoading: 'requiredComponents',
});
