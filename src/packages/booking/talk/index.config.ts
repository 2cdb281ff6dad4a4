export default definePageConfig({
  navigationBarTitleText: '宣讲详情',
});
