export default definePageConfig({
  navigationBarTitleText: '扫参会者签到码',
});
