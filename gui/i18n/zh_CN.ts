<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../camera_panel.py" line="149"/>
        <source>Stop camera</source>
        <translation>停止摄像头</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="149"/>
        <source>Start camera</source>
        <translation>启动摄像头</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="132"/>
        <source>Opening camera {source}…</source>
        <translation>正在打开摄像头 {source}…</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="133"/>
        <source>Camera {source}: {detail}</source>
        <translation>摄像头 {source}：{detail}</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="134"/>
        <source>Camera {source} is not available ({detail}). Check the cable; retrying every 2 s…</source>
        <translation>摄像头 {source} 不可用（{detail}）。请检查连接线；每 2 秒重试一次…</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="136"/>
        <source>End of the video {source}.</source>
        <translation>视频 {source} 已播放完毕。</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="137"/>
        <source>Cannot use camera source {source}: {detail}</source>
        <translation>无法使用摄像头来源 {source}：{detail}</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="138"/>
        <source>Camera stopped. Press &quot;Start camera&quot;.</source>
        <translation>摄像头已停止。请按“启动摄像头”。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../enroll_dialog.py" line="46"/>
        <source>Enroll a new person</source>
        <translation>登记新人员</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="153"/>
        <source>Look at the camera</source>
        <translation>请看摄像头</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="57"/>
        <source>%v of %m samples</source>
        <translation>已采集 %v / %m 个样本</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="58"/>
        <source>Retake samples</source>
        <translation>重新采集</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="68"/>
        <source>Unique person number (employee or student number)</source>
        <translation>唯一编号（工号或学号）</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="70"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="79"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="80"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="81"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="82"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="83"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="162"/>
        <source>The samples do not look like one person; retake them.</source>
        <translation>样本看起来不是同一个人，请重新采集。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="181"/>
        <source>The name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="184"/>
        <source>The person number is required.</source>
        <translation>编号为必填项。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="187"/>
        <source>Still collecting face samples.</source>
        <translation>仍在采集人脸样本。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="190"/>
        <source>Already enrolled?</source>
        <translation>已登记过？</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="206"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="222"/>
        <source>The person number {number} is already used.</source>
        <translation>编号 {number} 已被使用。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="226"/>
        <source>Could not save: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="151"/>
        <source>Looking for a face… ask the person to look at the camera</source>
        <translation>正在寻找人脸…请对方看向摄像头</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="159"/>
        <source>This face looks like {name} ({number}): the two could be taken for each other.</source>
        <translation>这张脸很像 {name}（{number}）：两人可能会被互相认错。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="190"/>
        <source>This face looks like {name} ({number}). Enroll it as a new person anyway?</source>
        <translation>这张脸很像 {name}（{number}）。仍要作为新人员登记吗？</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <location filename="../hints.py" line="16"/>
        <source>Come closer</source>
        <translation>请靠近一些</translation>
    </message>
    <message>
        <location filename="../hints.py" line="17"/>
        <source>Look at the camera</source>
        <translation>请看向摄像头</translation>
    </message>
    <message>
        <location filename="../hints.py" line="18"/>
        <source>Keep your head straight</source>
        <translation>请保持头部端正</translation>
    </message>
    <message>
        <location filename="../hints.py" line="19"/>
        <source>Hold still</source>
        <translation>请保持不动</translation>
    </message>
    <message>
        <location filename="../hints.py" line="20"/>
        <source>More light needed</source>
        <translation>光线太暗</translation>
    </message>
    <message>
        <location filename="../hints.py" line="21"/>
        <source>Too much light</source>
        <translation>光线太强</translation>
    </message>
    <message>
        <location filename="../hints.py" line="22"/>
        <source>Face not clear</source>
        <translation>人脸不清晰</translation>
    </message>
    <message>
        <location filename="../hints.py" line="23"/>
        <source>Look straight at the camera</source>
        <translation>请正视摄像头</translation>
    </message>
    <message>
        <location filename="../hints.py" line="24"/>
        <source>Turn your head a little to the left</source>
        <translation>请把头稍微转向左边</translation>
    </message>
    <message>
        <location filename="../hints.py" line="25"/>
        <source>Turn your head a little to the right</source>
        <translation>请把头稍微转向右边</translation>
    </message>
    <message>
        <location filename="../hints.py" line="26"/>
        <source>Done: enough samples</source>
        <translation>完成：样本已足够</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../history_tab.py" line="199"/>
        <source>Search failed: {error}</source>
        <translation>查询失败：{error}</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="279"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="279"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="291"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="295"/>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="103"/>
        <source>Any field</source>
        <translation>任意字段</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Desk</source>
        <translation>签到点</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>First check-in</source>
        <translation>首次签到</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="112"/>
        <source>Last check-in</source>
        <translation>最后签到</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="112"/>
        <source>Check-ins</source>
        <translation>签到记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="257"/>
        <source>%n person-days</source>
        <translation>
            <numerusform>%n 人·天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="262"/>
        <source>%n check-ins, page {page} of {pages}</source>
        <translation>
            <numerusform>共 %n 条签到，第 {page} / {pages} 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../live_tab.py" line="60"/>
        <source>Enrolling</source>
        <translation>正在登记</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="64"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="124"/>
        <source>(pending)</source>
        <translation>（待上传）</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="133"/>
        <source>No. {number}</source>
        <translation>编号 {number}</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="137"/>
        <source>Checked in</source>
        <translation>签到成功</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="138"/>
        <source>Already checked in</source>
        <translation>已签到过</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="139"/>
        <source>Saved offline; it will be sent when the database is back</source>
        <translation>已离线保存；数据库恢复后将自动上传</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="182"/>
        <source>Check-ins today: {n}</source>
        <translation>今日签到：{n}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mainUI.py" line="459"/>
        <source>Face Attendance</source>
        <translation>人脸考勤</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="460"/>
        <source>Click an unknown face to enroll it</source>
        <translation>点击未知人脸进行登记</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="461"/>
        <source>Start camera</source>
        <translation>启动摄像头</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="462"/>
        <source>Recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="463"/>
        <source>Enroll the unknown face in front of the camera</source>
        <translation>登记摄像头前的未知人脸</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="464"/>
        <source>Enroll…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="465"/>
        <source>Just recognized</source>
        <translation>刚刚识别</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="466"/>
        <source>Nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="467"/>
        <source>Today&apos;s check-ins</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="469"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="478"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="477"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="474"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="475"/>
        <source>Search name, number, phone or department</source>
        <translation>搜索姓名、编号、电话或部门</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="476"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="479"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="480"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="481"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="482"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="483"/>
        <source>Face samples</source>
        <translation>人脸样本</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="521"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="485"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="489"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="490"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="491"/>
        <source>Search text</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="492"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="493"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="494"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="495"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="496"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="497"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="498"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="499"/>
        <source>Check-ins</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="500"/>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="501"/>
        <source>&lt; Previous</source>
        <translation>&lt; 上一页</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="502"/>
        <source>Next &gt;</source>
        <translation>下一页 &gt;</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="503"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="504"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="505"/>
        <source>Camera source</source>
        <translation>摄像头来源</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="506"/>
        <source>Camera index (0, 1, …), a video file or an RTSP/HTTP URL</source>
        <translation>摄像头编号（0、1…）、视频文件或 RTSP/HTTP 地址</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="507"/>
        <source>Video file…</source>
        <translation>视频文件…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="511"/>
        <source>Cooldown</source>
        <translation>冷却时间</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="512"/>
        <source>A person is checked in again only after this many seconds</source>
        <translation>同一人需间隔这么多秒才会再次签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="513"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="514"/>
        <source>Once per day</source>
        <translation>每天一次</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="515"/>
        <source>Record only the first check-in of each day</source>
        <translation>每天只记录第一次签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="516"/>
        <source>Desk name</source>
        <translation>签到点名称</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="517"/>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="518"/>
        <source>sqlite:///data/attendance.db or mysql://user@host:3306/database (password from FACE_DB_PASSWORD)</source>
        <translation>sqlite:///data/attendance.db 或 mysql://user@host:3306/database（密码取自 FACE_DB_PASSWORD）</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="519"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="520"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="522"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="523"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>Check-in of {number} failed: {error}</source>
        <translation>{number} 签到失败：{error}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="69"/>
        <source>Recognition error: {error}</source>
        <translation>识别错误：{error}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>Enrolled {name} ({number}).</source>
        <translation>已登记 {name}（{number}）。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="138"/>
        <source>Face Attendance — {folder}</source>
        <translation>人脸考勤 — {folder}</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="486"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation>停用：任何考勤点都不再识别或签到此人；保留其资料、人脸样本和签到记录</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="487"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="488"/>
        <source>Delete for good (for mistakes): also removes the check-in history and face samples</source>
        <translation>永久删除（用于误登记）：同时删除签到记录和人脸样本</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="508"/>
        <source>False check-ins</source>
        <translation>误签到率</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="509"/>
        <source>Share of strangers&apos; visits that may check somebody in. The match threshold follows from it and from the people enrolled: lower means fewer false check-ins and more people asked to look at the camera again.</source>
        <translation>允许陌生人来访误签到某人的比例。匹配阈值由它和已登记人员决定：越低，误签到越少，但需要再看一次摄像头的人会更多。</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="510"/>
        <source> % of strangers</source>
        <translation> % 的陌生人来访</translation>
    </message>
</context>
<context>
    <name>PeopleFields</name>
    <message>
        <location filename="../people_fields.py" line="32"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../people_fields.py" line="33"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../people_fields.py" line="34"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../people_fields.py" line="35"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="160"/>
        <source>Error: {error}</source>
        <translation>错误：{error}</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="177"/>
        <source>Name and number are required.</source>
        <translation>姓名和编号为必填项。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="193"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="203"/>
        <source>The person number {number} is already used.</source>
        <translation>编号 {number} 已被使用。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="241"/>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="300"/>
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="310"/>
        <source>Add photos of {name}</source>
        <translation>为 {name} 添加照片</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="310"/>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="357"/>
        <source>Not used:</source>
        <translation>未使用：</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="80"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="80"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="149"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="149"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="150"/>
        <source>Recognize and check in this person again</source>
        <translation>重新识别此人并允许签到</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="150"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation>停用：任何考勤点都不再识别或签到此人；保留其资料、人脸样本和签到记录</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="154"/>
        <source>Person (inactive)</source>
        <translation>人员（已停用）</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="154"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="228"/>
        <source>Reactivated {name}: recognized and checked in again.</source>
        <translation>已重新启用 {name}：将再次被识别并签到。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="230"/>
        <source>Deactivated {name}: no longer recognized or checked in at any desk. Their details, face samples and check-in history are kept; &quot;Reactivate&quot; undoes this.</source>
        <translation>已停用 {name}：任何考勤点都不再识别或签到此人。其资料、人脸样本和签到记录均已保留；点击“重新启用”可撤销。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="241"/>
        <source>Delete {name} ({number}) for good?</source>
        <translation>永久删除 {name}（{number}）？</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="245"/>
        <source>Their {check_ins} and {samples} are removed for good and cannot be restored.</source>
        <translation>其{check_ins}和{samples}将被永久删除，无法恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="245"/>
        <source>%n check-ins</source>
        <translation>
            <numerusform>%n 条签到记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="245"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n 个人脸样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="248"/>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="250"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="253"/>
        <source>Deactivate instead</source>
        <translation>改为停用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="255"/>
        <source>To keep their history, deactivate them instead: they are no longer recognized or checked in, and can be reactivated.</source>
        <translation>如需保留其签到记录，请改为停用：此人将不再被识别或签到，之后可重新启用。</translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="71"/>
        <source>%n people</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="323"/>
        <source>Reading %n photos…</source>
        <translation>
            <numerusform>正在读取 %n 张照片…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="355"/>
        <source>Added %n face samples.</source>
        <translation>
            <numerusform>已添加 %n 个人脸样本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../settings_tab.py" line="57"/>
        <source>Settings file: {path}</source>
        <translation>设置文件：{path}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="116"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="125"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="130"/>
        <source>Video file</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="130"/>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation>视频 (*.mp4 *.avi *.mkv *.mov);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="139"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="150"/>
        <source>Connected: {message}</source>
        <translation>连接成功：{message}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="150"/>
        <source>Failed: {message}</source>
        <translation>连接失败：{message}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="47"/>
        <source>This run uses the database {url}, given with --db-url on the command line; the URL above is the saved setting.</source>
        <translation>本次运行使用命令行 --db-url 指定的数据库 {url}；上方的地址是已保存的设置。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="50"/>
        <source>This run uses the database {url}, from the environment variable FACE_DB_URL; the URL above is the saved setting.</source>
        <translation>本次运行使用环境变量 FACE_DB_URL 指定的数据库 {url}；上方的地址是已保存的设置。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="53"/>
        <source>This run uses the camera source {source}, given with --source on the command line; the saved setting is {saved}.</source>
        <translation>本次运行使用命令行 --source 指定的摄像头来源 {source}；已保存的设置为 {saved}。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="66"/>
        <source>Match threshold now {threshold:.3f} for {people} people enrolled (the model&apos;s 1:1 verification threshold: {verification:.3f})</source>
        <translation>当前匹配阈值 {threshold:.3f}，已登记 {people} 人（模型的 1:1 验证阈值：{verification:.3f}）</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../status_bar.py" line="20"/>
        <source>Display {display:.0f} fps · Recognition {recog:.1f} fps</source>
        <translation>显示 {display:.0f} 帧/秒 · 识别 {recog:.1f} 帧/秒</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="27"/>
        <source>Database: connecting…</source>
        <translation>数据库：正在连接…</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="32"/>
        <source>Database error: {message}</source>
        <translation>数据库错误：{message}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="34"/>
        <source>{kind} online</source>
        <translation>{kind} 在线</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="36"/>
        <source>{kind} offline</source>
        <translation>{kind} 离线</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="38"/>
        <source>{n} pending in the outbox</source>
        <translation>{n} 条待上传</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="47"/>
        <source>Model: {name}</source>
        <translation>模型：{name}</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="202"/>
        <source>Loading the face model…</source>
        <translation>正在加载人脸模型…</translation>
    </message>
    <message>
        <location filename="../../main.py" line="214"/>
        <source>Face Attendance</source>
        <translation>人脸考勤</translation>
    </message>
</context>
</TS>
