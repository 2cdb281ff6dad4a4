export default definePageConfig({
  navigationBarTitleText: '宣讲日历',
});
