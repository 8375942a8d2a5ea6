<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttendancePages</name>
    <message>
        <location filename="../attendance_tabs.py" line="34"/>
        <source>Reports</source>
        <translation>考勤报表</translation>
    </message>
    <message>
        <location filename="../attendance_tabs.py" line="36"/>
        <source>Schedules</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../attendance_tabs.py" line="35"/>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../camera_panel.py" line="198"/>
        <source>Stop camera</source>
        <translation>停止摄像头</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="198"/>
        <source>Start camera</source>
        <translation>启动摄像头</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="173"/>
        <source>Opening camera {source}…</source>
        <translation>正在打开摄像头 {source}…</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="174"/>
        <source>Camera {source}: {detail}</source>
        <translation>摄像头 {source}：{detail}</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="176"/>
        <source>Camera {source} is not available ({detail}). Check the cable; retrying every 2 s…</source>
        <translation>摄像头 {source} 不可用（{detail}）。请检查连接线；每 2 秒重试一次…</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="179"/>
        <source>End of the video {source}.</source>
        <translation>视频 {source} 已播放完毕。</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="180"/>
        <source>Cannot use camera source {source}: {detail}</source>
        <translation>无法使用摄像头来源 {source}：{detail}</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="182"/>
        <source>Camera stopped. Press &quot;Start camera&quot;.</source>
        <translation>摄像头已停止。请按“启动摄像头”。</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="174"/>
        <source>Camera {source} is on.</source>
        <translation>摄像头 {source} 已开启。</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="178"/>
        <source>Camera {source} is not available. Check the cable; retrying every 2 s…</source>
        <translation>摄像头 {source} 不可用。请检查连接线；每 2 秒重试一次…</translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="181"/>
        <source>Cannot use camera source {path}. Check it in Settings.</source>
        <translation>无法使用摄像头来源 {path}。请在“设置”中检查。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../correction_dialog.py" line="41"/>
        <source>Add a correction (missed check-in)</source>
        <translation>补卡（补录漏打的签到）</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="47"/>
        <source>Required, e.g. forgot to check in, camera down</source>
        <translation>必填，例如：忘记打卡、摄像头故障</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="47"/>
        <source>Required: who adds it</source>
        <translation>必填：补卡的操作员</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="50"/>
        <source>Person number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="51"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="52"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="53"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="58"/>
        <source>The check-in is added as a manual one, with the reason and the operator; face check-ins are never changed.</source>
        <translation>补卡记为手工签到，并保存原因和操作员；刷脸签到记录不会被修改。</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="68"/>
        <source>Type the person number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="71"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="81"/>
        <source>Not added: {error}</source>
        <translation>未添加：{error}</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="79"/>
        <source>No person with number {number}.</source>
        <translation>没有工号为 {number} 的人员。</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="88"/>
        <source>Not added: the check-in at {time} already covers that time.</source>
        <translation>未添加：{time} 的签到已覆盖该时间。</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="92"/>
        <source>Correction for {name} at {time} kept on this desk: the database is unreachable, it is sent when it is back.</source>
        <translation>{name} 在 {time} 的补卡已暂存在本机：数据库无法连接，恢复后自动上传。</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="95"/>
        <source>Correction added for {name} at {time}.</source>
        <translation>已为 {name} 补卡：{time}。</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../enroll_dialog.py" line="55"/>
        <source>Enroll a new person</source>
        <translation>登记新人员</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="181"/>
        <source>Look at the camera</source>
        <translation>请看摄像头</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="66"/>
        <source>%v of %m samples</source>
        <translation>已采集 %v / %m 个样本</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="67"/>
        <source>Retake samples</source>
        <translation>重新采集</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="86"/>
        <source>Unique person number (employee or student number)</source>
        <translation>每人唯一的工号（学生可填学号）</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="88"/>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="97"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="98"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="99"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="100"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="101"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="189"/>
        <source>The samples do not look like one person; retake them.</source>
        <translation>样本看起来不是同一个人，请重新采集。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="233"/>
        <source>The name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="236"/>
        <source>The person number is required.</source>
        <translation>工号为必填项。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="239"/>
        <source>Still collecting face samples.</source>
        <translation>仍在采集人脸样本。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="242"/>
        <source>Already enrolled?</source>
        <translation>已登记过？</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="255"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="271"/>
        <source>The person number {number} is already used.</source>
        <translation>工号 {number} 已被使用。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="275"/>
        <source>Could not save: {error}</source>
        <translation>无法保存：{error}</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="186"/>
        <source>This face looks like {name} ({number}): the two could be taken for each other.</source>
        <translation>这张脸很像 {name}（{number}）：两人可能会被互相认错。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="242"/>
        <source>This face looks like {name} ({number}). Enroll it as a new person anyway?</source>
        <translation>这张脸很像 {name}（{number}）。仍要作为新人员登记吗？</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="200"/>
        <source>Looking for a face… ask the person to look at the camera.</source>
        <translation>正在寻找人脸…请对方看向摄像头。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="202"/>
        <source>All {n} samples taken. Type the name, then press Save.</source>
        <translation>{n} 张样本已全部采集。请填写姓名，然后点“保存”。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="204"/>
        <source>Face lost: ask the person to step back in front of the camera. Taking samples goes on when they are back.</source>
        <translation>人脸丢失：请对方回到摄像头前。回来后会继续采集样本。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="207"/>
        <source>Ask the person to look straight at the camera.</source>
        <translation>请对方正视摄像头。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="208"/>
        <source>Ask the person to turn their head a little to the left.</source>
        <translation>请对方把头稍微向左转。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="209"/>
        <source>Ask the person to turn their head a little to the right.</source>
        <translation>请对方把头稍微向右转。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="210"/>
        <source>Ask the person to come closer to the camera.</source>
        <translation>请对方靠近摄像头。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="211"/>
        <source>Ask the person to face the camera.</source>
        <translation>请对方正对摄像头。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="212"/>
        <source>Ask the person to hold their head straight.</source>
        <translation>请对方保持头部端正。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="213"/>
        <source>Ask the person to hold still.</source>
        <translation>请对方保持不动。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="214"/>
        <source>The face is too dark: turn on more light.</source>
        <translation>人脸太暗：请打开更多灯光。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="215"/>
        <source>The face is too bright: avoid a lamp or window behind the camera.</source>
        <translation>人脸太亮：请避免摄像头对面有灯或窗户直射。</translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="216"/>
        <source>The face is not clear: ask the person to look at the camera.</source>
        <translation>人脸不清楚：请对方看向摄像头。</translation>
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
    <message>
        <location filename="../hints.py" line="27"/>
        <source>Face lost: step back in front of the camera</source>
        <translation>人脸丢失：请回到摄像头前</translation>
    </message>
    <message>
        <location filename="../hints.py" line="46"/>
        <source>Please turn your head a little to your left</source>
        <translation>请向左轻轻转头</translation>
    </message>
    <message>
        <location filename="../hints.py" line="48"/>
        <source>Please turn your head a little to your right</source>
        <translation>请向右轻轻转头</translation>
    </message>
    <message>
        <location filename="../hints.py" line="50"/>
        <source>{prompt} ({seconds} s)</source>
        <translation>{prompt}（{seconds} 秒）</translation>
    </message>
    <message>
        <location filename="../hints.py" line="57"/>
        <source>Not checked in: not shown live (the person must be here)</source>
        <translation>未通过活体检测：请本人到场</translation>
    </message>
    <message>
        <location filename="../hints.py" line="58"/>
        <source>Not checked in: turned the wrong way, please try again</source>
        <translation>未签到：转头方向不对，请重试</translation>
    </message>
    <message>
        <location filename="../hints.py" line="59"/>
        <source>Not checked in: no head turn seen, please try again</source>
        <translation>未签到：没有看到转头，请重试</translation>
    </message>
    <message>
        <location filename="../hints.py" line="60"/>
        <source>Not checked in: the face left before the check</source>
        <translation>未签到：检测完成前人已离开</translation>
    </message>
    <message>
        <location filename="../hints.py" line="62"/>
        <source>Not checked in: the face was not shown live</source>
        <translation>未签到：未通过活体检测</translation>
    </message>
    <message>
        <location filename="../hints.py" line="42"/>
        <source>Now turn your head a little to your left</source>
        <translation>请再向左轻轻转头</translation>
    </message>
    <message>
        <location filename="../hints.py" line="44"/>
        <source>Now turn your head a little to your right</source>
        <translation>请再向右轻轻转头</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../history_tab.py" line="218"/>
        <source>Search failed: {error}</source>
        <translation>查询失败：{error}</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="296"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="296"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="312"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="316"/>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Any field</source>
        <translation>任意字段</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="283"/>
        <source>%n person-days</source>
        <translation>
            <numerusform>%n 人·天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="288"/>
        <source>%n check-ins, page {page} of {pages}</source>
        <translation>
            <numerusform>共 %n 条签到，第 {page} / {pages} 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="249"/>
        <source>Withdrawn on {time} by {operator}: {reason}</source>
        <translation>{time} 由 {operator} 撤销：{reason}</translation>
    </message>
</context>
<context>
    <name>LeaveTab</name>
    <message>
        <location filename="../leave_tab.py" line="110"/>
        <source>Enter leave or a business trip</source>
        <translation>登记请假或出差</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="111"/>
        <source>Person number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="113"/>
        <source>Covers</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="177"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="177"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="118"/>
        <source>Required: who enters it</source>
        <translation>必填：登记人</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="119"/>
        <source>Add leave</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="120"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="121"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="122"/>
        <source>Why withdraw (required)</source>
        <translation>撤销原因（必填）</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="123"/>
        <source>Withdraw selected</source>
        <translation>撤销所选</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="124"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="125"/>
        <source>Rows person_number,type,start,end,half,reason; a file with a bad line is refused whole</source>
        <translation>每行：工号,类型,开始,结束,半天,原因；文件中有一行出错则整个文件不导入</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Whole days</source>
        <translation>整天</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Morning (half day)</source>
        <translation>上午（半天）</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Afternoon (half day)</source>
        <translation>下午（半天）</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Hours</source>
        <translation>按小时</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="168"/>
        <source>Reading leave failed: {error}</source>
        <translation>读取请假记录失败：{error}</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="177"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="186"/>
        <source>withdrawn on {time} by {operator}: {reason}</source>
        <translation>{time} 由 {operator} 撤销：{reason}</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="188"/>
        <source>counts</source>
        <translation>有效</translation>
    </message>
    <message numerus="yes">
        <location filename="../leave_tab.py" line="192"/>
        <source>%n leave record(s) this month</source>
        <translation>
            <numerusform>本月 %n 条请假记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="208"/>
        <source>Type the person number.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="224"/>
        <source>no person with number {number}</source>
        <translation>没有工号为 {number} 的人员</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="216"/>
        <source>Leave added for {name}: {span}.</source>
        <translation>已为 {name} 登记请假：{span}。</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="225"/>
        <source>Not added: {error}</source>
        <translation>未登记：{error}</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="233"/>
        <source>Select the leave to withdraw in the list first.</source>
        <translation>请先在列表中选择要撤销的请假记录。</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="239"/>
        <source>Leave of {name} ({span}) withdrawn.</source>
        <translation>已撤销 {name} 的请假（{span}）。</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="245"/>
        <source>Not withdrawn: {error}</source>
        <translation>未撤销：{error}</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="249"/>
        <source>Import leave</source>
        <translation>导入请假记录</translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="249"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../leave_tab.py" line="260"/>
        <source>%n leave record(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 条请假记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="264"/>
        <source>Nothing imported: {error}</source>
        <translation>未导入任何记录：{error}</translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../live_tab.py" line="105"/>
        <source>Enrolling</source>
        <translation>正在登记</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="115"/>
        <source>Unknown</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="355"/>
        <source>(pending)</source>
        <translation>（待上传）</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="364"/>
        <source>No. {number}</source>
        <translation>工号 {number}</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="368"/>
        <source>Checked in</source>
        <translation>签到成功</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="369"/>
        <source>Already checked in</source>
        <translation>已签到过</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="370"/>
        <source>Saved offline; it will be sent when the database is back</source>
        <translation>已离线保存；数据库恢复后将自动上传</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="440"/>
        <source>Check-ins today: {n}</source>
        <translation>今日签到：{n}</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="337"/>
        <source>The face does not match number {number}. Try again, or ask at the desk.</source>
        <translation>人脸与工号 {number} 不符。请重试，或到前台咨询。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="230"/>
        <source>{name} ({number})?</source>
        <translation>是{name}（{number}）吗？</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="331"/>
        <source>Type your person number, then press Enter.</source>
        <translation>请输入工号，然后按回车键。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="332"/>
        <source>The camera is off.</source>
        <translation>摄像头未开启。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="333"/>
        <source>Checking your face against number {number}…</source>
        <translation>正在核对您的人脸与工号 {number}……</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="334"/>
        <source>Nobody with number {number} is enrolled here.</source>
        <translation>本系统没有登记工号为 {number} 的人员。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="335"/>
        <source>Please stand in front of the camera, then type your number again.</source>
        <translation>请站到摄像头前，然后重新输入工号。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="336"/>
        <source>Too many failed attempts for number {number}: try again in {seconds} s.</source>
        <translation>工号 {number} 核验失败次数过多：请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="340"/>
        <source>Number {number}: face verified.</source>
        <translation>工号 {number}：人脸核验通过。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="372"/>
        <source>confirmed by the operator</source>
        <translation>操作员确认</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="372"/>
        <source>by number + face</source>
        <translation>工号 + 刷脸</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="338"/>
        <source>Number {number} is the person shown: the operator checks the photo and confirms (Enter).</source>
        <translation>工号 {number} 就是屏幕上显示的人：请值班人员核对照片后确认（回车）。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="341"/>
        <source>Number {number}: not checked in, the face was not shown live. The person must be here in person.</source>
        <translation>工号 {number}：未签到，未通过活体检测。请本人到场。</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="433"/>
        <source>Rejected attempts…</source>
        <translation>被拒绝的签到…</translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="434"/>
        <source>Check-ins refused because the face was not shown live</source>
        <translation>因未通过活体检测而被拒绝的签到</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mainUI.py" line="534"/>
        <source>Face Attendance</source>
        <translation>人脸考勤</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="535"/>
        <source>Click an unknown face to enroll it</source>
        <translation>点击未知人脸进行登记</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="536"/>
        <source>Start camera</source>
        <translation>启动摄像头</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="537"/>
        <source>Recognition</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="538"/>
        <source>Enroll the unknown face in front of the camera</source>
        <translation>登记摄像头前的未知人脸</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="539"/>
        <source>Enroll…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="540"/>
        <source>Just recognized</source>
        <translation>刚刚识别</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="541"/>
        <source>Nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="551"/>
        <source>Today&apos;s check-ins</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="553"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="562"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="561"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="558"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="559"/>
        <source>Search name, number, phone or department</source>
        <translation>搜索姓名、工号、电话或部门</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="560"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="563"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="564"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="565"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="566"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="567"/>
        <source>Face samples</source>
        <translation>人脸样本</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="612"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="569"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="575"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="576"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="577"/>
        <source>Search text</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="578"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="579"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="580"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="581"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="582"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="583"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="584"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="585"/>
        <source>Check-ins</source>
        <translation>签到记录</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="586"/>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="587"/>
        <source>&lt; Previous</source>
        <translation>&lt; 上一页</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="588"/>
        <source>Next &gt;</source>
        <translation>下一页 &gt;</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="589"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="590"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="591"/>
        <source>Camera source</source>
        <translation>摄像头来源</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="592"/>
        <source>Camera index (0, 1, …), a video file or an RTSP/HTTP URL</source>
        <translation>摄像头编号（0、1…）、视频文件或 RTSP/HTTP 地址</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="593"/>
        <source>Video file…</source>
        <translation>视频文件…</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="597"/>
        <source>Cooldown</source>
        <translation>冷却时间</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="598"/>
        <source>A person is checked in again only after this many seconds</source>
        <translation>同一人需间隔这么多秒才会再次签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="599"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="600"/>
        <source>Once per day</source>
        <translation>每天一次</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="601"/>
        <source>Record only the first check-in of each day</source>
        <translation>每天只记录第一次签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="602"/>
        <source>Desk name</source>
        <translation>签到点名称</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="608"/>
        <source>Database URL</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="609"/>
        <source>sqlite:///data/attendance.db or mysql://user@host:3306/database (password from FACE_DB_PASSWORD)</source>
        <translation>sqlite:///data/attendance.db 或 mysql://user@host:3306/database（密码取自 FACE_DB_PASSWORD）</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="610"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="611"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="613"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="614"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>Check-in of {number} failed: {error}</source>
        <translation>{number} 签到失败：{error}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66"/>
        <source>Recognition error: {error}</source>
        <translation>识别错误：{error}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="144"/>
        <source>Enrolled {name} ({number}).</source>
        <translation>已登记 {name}（{number}）。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>Face Attendance — {folder}</source>
        <translation>人脸考勤 — {folder}</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="572"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation>停用：任何考勤点都不再识别或签到此人；保留其资料、人脸样本和签到记录</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="573"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="574"/>
        <source>Delete for good (for mistakes): also removes the check-in history and face samples</source>
        <translation>永久删除（用于误登记）：同时删除签到记录和人脸样本</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="594"/>
        <source>False check-ins</source>
        <translation>误签到率</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="595"/>
        <source>Share of strangers&apos; visits that may check somebody in. The match threshold follows from it and from the people enrolled: lower means fewer false check-ins and more people asked to look at the camera again.</source>
        <translation>允许陌生人来访误签到某人的比例。匹配阈值由它和已登记人员决定：越低，误签到越少，但需要再看一次摄像头的人会更多。</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="596"/>
        <source> % of strangers</source>
        <translation> % 的陌生人来访</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="542"/>
        <source>Not recognized: is this…?</source>
        <translation>未识别：是这位吗？</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="544"/>
        <source>Confirm (Enter)</source>
        <translation>确认（回车）</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="545"/>
        <source>Record nothing (Esc)</source>
        <translation>不记录（Esc）</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="546"/>
        <source>Not them (Esc)</source>
        <translation>不是此人（Esc）</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="547"/>
        <source>Not recognized? Type your number</source>
        <translation>未识别？请输入工号</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="548"/>
        <source>Your person number; the desk checks your face against that person only</source>
        <translation>您的工号；系统只将您的人脸与该人员比对</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="549"/>
        <source>Person number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="550"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="570"/>
        <source>Remove the face samples the desks learned from this person&apos;s check-ins; the enrolled ones stay</source>
        <translation>删除各终端从此人签到中学习到的人脸样本；登记时采集的样本保留</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="571"/>
        <source>Forget learned samples</source>
        <translation>清除学习样本</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="603"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="604"/>
        <source>Who works at this desk: recorded with the check-ins they confirm</source>
        <translation>本终端的值班人员：记录在其确认的签到中</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="605"/>
        <source>Number + face</source>
        <translation>工号 + 刷脸</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="606"/>
        <source>The share of check-ins with somebody else&apos;s number that the face check may let through</source>
        <translation>输入他人工号时，人脸核验可能放行的比例</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="607"/>
        <source> % wrong numbers accepted</source>
        <translation> % 错误工号被接受</translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="543"/>
        <source>Check this person in (Enter)</source>
        <translation>为此人签到（回车）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>Close Face Attendance?</source>
        <translation>关闭人脸考勤？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>The camera is running. Closing stops attendance: nobody is checked in until the program is started again.</source>
        <translation>摄像头正在运行。关闭后考勤随之停止：在重新启动程序之前，不会有任何人签到。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>Stop and close</source>
        <translation>停止并关闭</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125"/>
        <source>Face model switched: restart the app to use it.</source>
        <translation>人脸模型已切换：重新启动程序后生效。</translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <location filename="../model_choice.py" line="63"/>
        <source>Face model</source>
        <translation>人脸模型</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="64"/>
        <source>Switch</source>
        <translation>切换</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="65"/>
        <source>Embed every stored face sample with the chosen model, then use it from the next start of the app</source>
        <translation>用所选模型重新计算人脸库中的每个人脸样本，下次启动程序时使用该模型</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="67"/>
        <source>Default model (dlib ResNet)</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="68"/>
        <source>MobileFaceNet (better for East Asian faces)</source>
        <translation>东亚人脸模型（更善于区分东亚人脸）</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="85"/>
        <source>Embedding the stored face samples for the new model: {done} of {total}…</source>
        <translation>正在为新模型计算人脸样本：{done} / {total}…</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="94"/>
        <source>This desk uses this model already.</source>
        <translation>本前台已在使用该模型。</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="101"/>
        <source>Loading the model and reading the face store…</source>
        <translation>正在加载模型并读取人脸库…</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="117"/>
        <source>Not switched: the database could not be reached ({error}). This desk keeps its current model; the samples embedded so far are kept for the next try.</source>
        <translation>未切换：无法连接数据库（{error}）。本前台继续使用当前模型；已计算的样本会保留，下次重试时继续。</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="118"/>
        <source>{n} samples left</source>
        <translation>还剩 {n} 个样本</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="125"/>
        <source>Not switched: the settings could not be saved: {error}</source>
        <translation>未切换：无法保存设置：{error}</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="130"/>
        <source>Switched to {model}: {embedded} face samples embedded for it. Restart the app to use it.</source>
        <translation>已切换到 {model}：为其计算了 {embedded} 个人脸样本。重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="133"/>
        <source>{failed} samples could not be embedded (a face too small for the model or not found); those people may need a new photo.</source>
        <translation>有 {failed} 个样本无法计算（人脸对该模型太小或未找到人脸）；这些人可能需要重新拍照。</translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="143"/>
        <source>Not switched: {error}. This desk keeps its current model.</source>
        <translation>未切换：{error}。本前台继续使用当前模型。</translation>
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
        <location filename="../people_tab.py" line="258"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="258"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="258"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="259"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="259"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="226"/>
        <source>Error: {error}</source>
        <translation>错误：{error}</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="249"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="285"/>
        <source>The person number {number} is already used.</source>
        <translation>工号 {number} 已被使用。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="339"/>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="386"/>
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="397"/>
        <source>Add photos of {name}</source>
        <translation>为 {name} 添加照片</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="397"/>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="420"/>
        <source>Not used:</source>
        <translation>未使用：</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="113"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="136"/>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="136"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="214"/>
        <source>Reactivate</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="214"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="215"/>
        <source>Recognize and check in this person again</source>
        <translation>重新识别此人并允许签到</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="215"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation>停用：任何考勤点都不再识别或签到此人；保留其资料、人脸样本和签到记录</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="219"/>
        <source>Person (inactive)</source>
        <translation>人员（已停用）</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="219"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="325"/>
        <source>Reactivated {name}: recognized and checked in again.</source>
        <translation>已重新启用 {name}：将再次被识别并签到。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="327"/>
        <source>Deactivated {name}: no longer recognized or checked in at any desk. Their details, face samples and check-in history are kept; &quot;Reactivate&quot; undoes this.</source>
        <translation>已停用 {name}：任何考勤点都不再识别或签到此人。其资料、人脸样本和签到记录均已保留；点击“重新启用”可撤销。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="339"/>
        <source>Delete {name} ({number}) for good?</source>
        <translation>永久删除 {name}（{number}）？</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="343"/>
        <source>Their {check_ins} and {samples} are removed for good and cannot be restored.</source>
        <translation>其{check_ins}和{samples}将被永久删除，无法恢复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="343"/>
        <source>%n check-ins</source>
        <translation>
            <numerusform>%n 条签到记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="343"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n 个人脸样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="346"/>
        <source>Delete for good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="348"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="351"/>
        <source>Deactivate instead</source>
        <translation>改为停用</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="353"/>
        <source>To keep their history, deactivate them instead: they are no longer recognized or checked in, and can be reactivated.</source>
        <translation>如需保留其签到记录，请改为停用：此人将不再被识别或签到，之后可重新启用。</translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="128"/>
        <source>%n people</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="409"/>
        <source>Reading %n photos…</source>
        <translation>
            <numerusform>正在读取 %n 张照片…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="418"/>
        <source>Added %n face samples.</source>
        <translation>
            <numerusform>已添加 %n 个人脸样本。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="202"/>
        <source>{enrolled} enrolled, {learned} learned from check-ins</source>
        <translation>登记 {enrolled} 个，从签到中学习 {learned} 个</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="295"/>
        <source>Forget learned samples</source>
        <translation>清除学习样本</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="295"/>
        <source>Forget the {samples} the desks learned from the check-ins of {name}? Their enrolled samples stay.</source>
        <translation>清除各终端从{name}的签到中学习到的{samples}吗？登记时采集的样本保留。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="304"/>
        <source>Forgot {samples} of {name}.</source>
        <translation>已清除{name}的{samples}。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="113"/>
        <source>Enrolled</source>
        <translation>登记样本</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="113"/>
        <source>Learned</source>
        <translation>学习样本</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="116"/>
        <source>Face samples taken at enrolment or from photos</source>
        <translation>登记时或从照片采集的人脸样本</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="116"/>
        <source>Face samples the desks learned from check-ins</source>
        <translation>各前台从签到中学习到的人脸样本</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="240"/>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="240"/>
        <source>Too long: {length} characters, at most {limit}.</source>
        <translation>太长：{length} 个字符，最多 {limit} 个。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="259"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="265"/>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="270"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="272"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="272"/>
        <source>Save these changes to {name}?</source>
        <translation>保存对 {name} 的以下修改吗？</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../i18n.py" line="91"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="92"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="93"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="94"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="95"/>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="96"/>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="97"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="98"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="99"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>RejectedAttemptsDialog</name>
    <message>
        <location filename="../rejected_attempts.py" line="71"/>
        <source>Rejected attempts</source>
        <translation>被拒绝的签到</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="72"/>
        <source>Check-ins refused because the face was not shown live (a photo, a phone screen, or the head did not turn as asked). Nobody was checked in.</source>
        <translation>因未通过活体检测而被拒绝的签到（照片、手机屏幕，或没有按提示转头）。这些都没有签到。</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="74"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="74"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="74"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Face</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="83"/>
        <source>Cannot read the rejected attempts: {error}</source>
        <translation>无法读取被拒绝的签到：{error}</translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="103"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <location filename="../rejected_attempts.py" line="114"/>
        <source>%n rejected attempts</source>
        <translation>
            <numerusform>%n 次被拒绝的签到</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../reports_tab.py" line="111"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="112"/>
        <source>Dates</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="113"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="114"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="115"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="116"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="117"/>
        <source>Totals per person</source>
        <translation>个人汇总</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="118"/>
        <source>Day grid</source>
        <translation>每日明细</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="119"/>
        <source>Add correction…</source>
        <translation>补卡…</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="120"/>
        <source>Add a check-in a person missed (补卡), with the reason</source>
        <translation>为漏打卡的人员补录签到（补卡），须填写原因</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="124"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="125"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="137"/>
        <source>Work day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="137"/>
        <source>Rest day</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="137"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="138"/>
        <source>No schedule: never late or absent</source>
        <translation>无排班：不计迟到、缺勤</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="139"/>
        <source>Not enrolled yet, or deactivated</source>
        <translation>尚未录入或已停用</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="154"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="155"/>
        <source>(no department)</source>
        <translation>（无部门）</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="192"/>
        <source>Computing the report…</source>
        <translation>正在计算报表…</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="210"/>
        <source>Report failed: {error}</source>
        <translation>报表失败：{error}</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="246"/>
        <source>Choose a month or dates and press Show.</source>
        <translation>请选择月份或日期范围，然后点击“查询”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../reports_tab.py" line="249"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="249"/>
        <source>work days {work_days}, late {late} ({late_minutes} min), left early {early}, absent {absent}, missing punches {missing}, overtime {overtime:.1f} h</source>
        <translation>应出勤 {work_days} 天，迟到 {late} 次（{late_minutes} 分钟），早退 {early} 次，缺勤 {absent} 天，缺卡 {missing} 次，加班 {overtime:.1f} 小时</translation>
    </message>
    <message numerus="yes">
        <location filename="../reports_tab.py" line="257"/>
        <source>%n without a schedule (never counted absent)</source>
        <translation>
            <numerusform>%n 人无排班（不计缺勤）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="259"/>
        <source>computed in {seconds:.1f} s</source>
        <translation>用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="265"/>
        <source>Show a report first.</source>
        <translation>请先查询报表。</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="268"/>
        <source>attendance</source>
        <translation>考勤报表</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="269"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="269"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="270"/>
        <source>Export report</source>
        <translation>导出考勤报表</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="282"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="286"/>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="121"/>
        <source>Withdraw correction…</source>
        <translation>撤销补卡…</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="122"/>
        <source>Withdraw a correction of the day selected in the grid: it stops counting and stays in the history with who and why</source>
        <translation>撤销表格中所选日期的补卡：不再计入考勤，记录保留并注明撤销人和原因</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="140"/>
        <source>Not yet: days after today are not judged</source>
        <translation>未到：今天以后的日子不计考勤</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="141"/>
        <source>On leave or on a business trip</source>
        <translation>请假或出差</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="142"/>
        <source>In progress: judged once the shift has ended</source>
        <translation>进行中：班次结束后才计考勤</translation>
    </message>
    <message numerus="yes">
        <location filename="../reports_tab.py" line="255"/>
        <source>on leave or a trip %n day(s)</source>
        <translation>
            <numerusform>请假/出差 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="321"/>
        <source>Select a corrected day of a person in the day grid first.</source>
        <translation>请先在每日明细中选择一个有补卡的日期。</translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="327"/>
        <source>{name} has no correction on {day} to withdraw.</source>
        <translation>{name} 在 {day} 没有可撤销的补卡。</translation>
    </message>
</context>
<context>
    <name>SchedulesTab</name>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="230"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="233"/>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="234"/>
        <source>Department schedules</source>
        <translation>部门排班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="235"/>
        <source>People with their own schedule</source>
        <translation>个人排班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="236"/>
        <source>Holidays and make-up work days</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Start</source>
        <translation>上班时间</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>End</source>
        <translation>下班时间</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Late grace (min)</source>
        <translation>迟到宽限（分钟）</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Early grace (min)</source>
        <translation>早退宽限（分钟）</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Unpaid break (min)</source>
        <translation>休息（分钟，不计工时）</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="242"/>
        <source>An end before the start ends the next day (a night shift, counted on the day it starts)</source>
        <translation>下班时间早于上班时间表示次日下班（夜班，计入上班当天）</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="244"/>
        <source>e.g. Day shift</source>
        <translation>例如：白班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="245"/>
        <source>Add shift</source>
        <translation>添加班次</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="246"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="261"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="308"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="253"/>
        <source>Set schedule</source>
        <translation>设置排班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="254"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="252"/>
        <source>Person number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="259"/>
        <source>Name, e.g. National Day</source>
        <translation>名称，例如：国庆节</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="260"/>
        <source>Add / change</source>
        <translation>添加/修改</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="262"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="263"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="264"/>
        <source>Rows date,kind,name (kind: holiday or workday); a file with a bad row is refused whole</source>
        <translation>每行：日期,类型,名称（类型：holiday 节假日 或 workday 调休上班）；文件中有任何错误行，整个文件都不导入</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="326"/>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="326"/>
        <source>Make-up work day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="312"/>
        <source>No schedule</source>
        <translation>无排班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Late grace</source>
        <translation>迟到宽限</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Early grace</source>
        <translation>早退宽限</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="302"/>
        <source>(ends the next day)</source>
        <translation>（次日下班）</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="308"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Work days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Name</source>
        <comment>of a person</comment>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="330"/>
        <source>No schedule (never counted late or absent)</source>
        <translation>无排班（不计迟到、缺勤）</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="393"/>
        <source>Note: {notes}</source>
        <translation>提示：{notes}</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="403"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="429"/>
        <source>Shift {name} saved.</source>
        <translation>班次 {name} 已保存。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="460"/>
        <source>Shift {name} deleted.</source>
        <translation>班次 {name} 已删除。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="486"/>
        <source>add a shift first</source>
        <translation>请先添加班次</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="469"/>
        <source>Schedule of {department} saved.</source>
        <translation>{department} 的排班已保存。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="479"/>
        <source>Schedule of {department} removed.</source>
        <translation>{department} 的排班已移除。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="402"/>
        <source>no person with number {number}</source>
        <translation>没有工号为 {number} 的人员</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="489"/>
        <source>Own schedule of {number} saved.</source>
        <translation>{number} 的个人排班已保存。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="494"/>
        <source>{number} follows their department&apos;s schedule again.</source>
        <translation>{number} 恢复按部门排班。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="500"/>
        <source>{day} saved.</source>
        <translation>{day} 已保存。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="505"/>
        <source>{day} deleted.</source>
        <translation>{day} 已删除。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="509"/>
        <source>Calendar imported from {path}: {{result}} days.</source>
        <translation>已从 {path} 导入日历：{{result}} 天。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="514"/>
        <source>Calendar exported to {path}: {{result}} days.</source>
        <translation>日历已导出到 {path}：{{result}} 天。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="518"/>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="525"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="524"/>
        <source>calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="525"/>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Name</source>
        <comment>of a shift or holiday</comment>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="247"/>
        <source>A new version starts on</source>
        <translation>新版本生效日期</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="256"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="257"/>
        <source>Unchecked: the schedule applies always (earlier months are computed again). Checked: from that day on; earlier days keep the schedule they had</source>
        <translation>不勾选：排班一直适用（以前的月份会重新计算）。勾选：从该日起适用，以前的日子保留原排班</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="303"/>
        <source>from {day}: {shift}</source>
        <translation>{day} 起：{shift}</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="308"/>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="429"/>
        <source>Shift {name}: a new version from {day} saved.</source>
        <translation>班次 {name}：已保存自 {day} 起的新版本。</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="436"/>
        <source>Change a shift in use</source>
        <translation>修改使用中的班次</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="436"/>
        <source>Shift {name} was worked on earlier days. Change it for those days too (their reports change), or start a new version on {day} (the days before keep their times)?</source>
        <translation>班次 {name} 以前已在使用。是连以前的日子一起修改（以前的报表会改变），还是从 {day} 起启用新版本（以前的日子保留原时间）？</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="440"/>
        <source>Change history</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="441"/>
        <source>New version from {day}</source>
        <translation>从 {day} 起启用新版本</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../settings_tab.py" line="228"/>
        <source>Settings file: {path}</source>
        <translation>设置文件：{path}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="289"/>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="361"/>
        <source>Video file</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="361"/>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation>视频 (*.mp4 *.avi *.mkv *.mov);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="370"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="379"/>
        <source>Connected: {message}</source>
        <translation>连接成功：{message}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="379"/>
        <source>Failed: {message}</source>
        <translation>连接失败：{message}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="204"/>
        <source>This run uses the database {url}, given with --db-url on the command line; the URL above is the saved setting.</source>
        <translation>本次运行使用命令行 --db-url 指定的数据库 {url}；上方的地址是已保存的设置。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="207"/>
        <source>This run uses the database {url}, from the environment variable FACE_DB_URL; the URL above is the saved setting.</source>
        <translation>本次运行使用环境变量 FACE_DB_URL 指定的数据库 {url}；上方的地址是已保存的设置。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="210"/>
        <source>This run uses the camera source {source}, given with --source on the command line; the saved setting is {saved}.</source>
        <translation>本次运行使用命令行 --source 指定的摄像头来源 {source}；已保存的设置为 {saved}。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="164"/>
        <source>More lenient than usual: fewer people are asked to look again, and a stranger is more likely to be checked in as somebody else.</source>
        <translation>比常规更宽松：被要求再看一次的人更少，但陌生人更容易被误签为他人。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="167"/>
        <source>The usual setting: strangers are almost never checked in, and few people are asked to look again.</source>
        <translation>常规设置：陌生人几乎不会被误签，需要再看一次的人也很少。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="176"/>
        <source>How strict</source>
        <translation>严格程度</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="177"/>
        <source>Fewer second looks</source>
        <translation>少让人再看一次</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="178"/>
        <source>Fewer false check-ins</source>
        <translation>少误签</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="179"/>
        <source>Right: fewer false check-ins. Left: fewer people asked to look at the camera again.</source>
        <translation>向右：误签更少。向左：被要求再看一次摄像头的人更少。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="189"/>
        <source>This desk knows</source>
        <translation>本前台可识别</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="194"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="191"/>
        <source>Show technical details (for engineers)</source>
        <translation>显示技术细节（供工程师使用）</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="192"/>
        <source>Distances on the face boxes, frame rates in the status bar, the Distance column in History and the figures below</source>
        <translation>人脸框上的距离、状态栏中的帧率、历史记录中的“距离”列，以及下方的各项数值</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="218"/>
        <source>Match threshold now {threshold:.3f} for {people} (the model&apos;s 1:1 verification threshold: {verification:.3f}); number + face within {claim:.3f}; a missed visit shows a candidate within {candidate:.3f}; a check-in teaches the desk within {strict:.3f}.</source>
        <translation>当前匹配阈值 {threshold:.3f}，{people}（模型的 1:1 验证阈值：{verification:.3f}）；工号 + 人脸在 {claim:.3f} 以内通过；未识别的来访在 {candidate:.3f} 以内显示候选人；签到在 {strict:.3f} 以内时供本前台学习。</translation>
    </message>
    <message numerus="yes">
        <location filename="../settings_tab.py" line="218"/>
        <source>%n people enrolled</source>
        <translation>
            <numerusform>已登记 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="250"/>
        <source>Model {model}. The face store has no samples yet: enroll people, or move a desk&apos;s photos into it with: {command}</source>
        <translation>模型 {model}。人脸库中还没有样本：请登记人员，或用以下命令导入前台的照片：{command}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="252"/>
        <source>; {failed} could not be embedded (see the reembed report)</source>
        <translation>；{failed} 个无法提取特征（见 reembed 报告）</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="255"/>
        <source>Model {model}: all {samples} embedded{failed}.</source>
        <translation>模型 {model}：全部 {samples}均已提取特征{failed}。</translation>
    </message>
    <message numerus="yes">
        <location filename="../settings_tab.py" line="283"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n 个人脸样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="260"/>
        <source>This desk&apos;s model {model} has embeddings for {embedded} of the {samples} face samples; the store&apos;s faces are embedded with model {other} ({other_embedded}). Only people with embeddings for {model} are recognized here. Migrate the store with: {command}</source>
        <translation>本前台的模型 {model} 只为 {samples} 个人脸样本中的 {embedded} 个提取了特征；人脸库的样本是用模型 {other}（{other_embedded} 个）提取的。本前台只能识别有 {model} 特征的人员。请用以下命令迁移人脸库：{command}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="265"/>
        <source>Model {model}: {embedded} of {samples} face samples embedded, {missing} still to do{failed}. Run: {command}</source>
        <translation>模型 {model}：{samples} 个人脸样本中已提取 {embedded} 个，还剩 {missing} 个{failed}。请运行：{command}</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="279"/>
        <source>Nobody yet: enroll people on the Live tab (&quot;Enroll…&quot;) or add their photos on the People tab.</source>
        <translation>还没有人：请在“实时”页登记人员（“登记…”），或在“人员”页添加他们的照片。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="283"/>
        <source>{people}, from {samples}</source>
        <translation>{people}，共 {samples}</translation>
    </message>
    <message numerus="yes">
        <location filename="../settings_tab.py" line="283"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="292"/>
        <source>✓ Saved at {time}; in effect now.</source>
        <translation>✓ 已于 {time} 保存，立即生效。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="161"/>
        <source>Stricter than usual: a stranger is even less likely to be checked in as somebody, and more people are asked to look at the camera again or to type their person number.</source>
        <translation>比常规更严格：陌生人被误签为他人的可能更小，但会有更多人被要求再看一次摄像头或输入工号。</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="181"/>
        <source>Liveness check</source>
        <translation>活体检测</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="182"/>
        <source>Off (a photo of a person checks them in)</source>
        <translation>关闭（照片也能签到）</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="183"/>
        <source>Ask the visitor to turn their head when unsure (recommended)</source>
        <translation>不确定时请访客转头（推荐）</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="184"/>
        <source>Ask the visitor to turn their head every time</source>
        <translation>每次都请访客转头</translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="187"/>
        <source>Whether the desk checks that the face is a live person in front of the camera, not a photo or a phone screen</source>
        <translation>检查镜头前是真人本人，而不是照片或手机屏幕</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../splash.py" line="30"/>
        <source>Face Attendance</source>
        <translation>人脸考勤</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../status_bar.py" line="30"/>
        <source>Display {display:.0f} fps · Recognition {recog:.1f} fps</source>
        <translation>显示 {display:.0f} 帧/秒 · 识别 {recog:.1f} 帧/秒</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="37"/>
        <source>Database: connecting…</source>
        <translation>数据库：正在连接…</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="42"/>
        <source>Database error: {message}</source>
        <translation>数据库错误：{message}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="44"/>
        <source>{kind} online</source>
        <translation>{kind} 在线</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="46"/>
        <source>{kind} offline</source>
        <translation>{kind} 离线</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="48"/>
        <source>{n} pending in the outbox</source>
        <translation>{n} 条待上传</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="64"/>
        <source>Model: {name}</source>
        <translation>模型：{name}</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="51"/>
        <source>Check-ins are saved in the database.</source>
        <translation>签到记录保存在数据库中。</translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="53"/>
        <source>The database cannot be reached: check-ins are kept on this computer and sent when it is back.</source>
        <translation>无法连接数据库：签到记录先保存在本机，数据库恢复后自动上传。</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../correction_dialog.py" line="112"/>
        <source>Withdraw a correction</source>
        <translation>撤销补卡</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="115"/>
        <source>{name} ({number}) at {time}, added by {operator}: {reason}</source>
        <translation>{name}（{number}）{time}，{operator} 补卡：{reason}</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="118"/>
        <source>Required, e.g. entered for the wrong day</source>
        <translation>必填，例如：补错了日期</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="118"/>
        <source>Required: who withdraws it</source>
        <translation>必填：撤销人</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="121"/>
        <source>Correction</source>
        <translation>补卡记录</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="122"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="123"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="125"/>
        <source>Withdraw</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="129"/>
        <source>A withdrawn correction no longer counts; it stays in the history with who withdrew it and why.</source>
        <translation>撤销的补卡不再计入考勤；它仍保留在记录中，并注明撤销人和原因。</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="139"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="145"/>
        <source>Not withdrawn: {error}</source>
        <translation>未撤销：{error}</translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="150"/>
        <source>Correction of {name} at {time} withdrawn.</source>
        <translation>已撤销 {name} {time} 的补卡。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="193"/>
        <source>Face Attendance</source>
        <translation>人脸考勤</translation>
    </message>
    <message>
        <location filename="../../main.py" line="174"/>
        <source>Starting…</source>
        <translation>正在启动……</translation>
    </message>
    <message>
        <location filename="../../main.py" line="177"/>
        <source>Loading the face model… (this takes up to half a minute)</source>
        <translation>正在加载人脸模型……（最多需要半分钟）</translation>
    </message>
    <message>
        <location filename="../../main.py" line="183"/>
        <source>Preparing face recognition…</source>
        <translation>正在准备人脸识别……</translation>
    </message>
    <message>
        <location filename="../../main.py" line="185"/>
        <source>Opening the database and the faces of the people enrolled…</source>
        <translation>正在打开数据库和已登记人员的人脸……</translation>
    </message>
</context>
</TS>
