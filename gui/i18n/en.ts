<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../camera_panel.py" line="149"/>
        <source>Stop camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="149"/>
        <source>Start camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="132"/>
        <source>Opening camera {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="133"/>
        <source>Camera {source}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="134"/>
        <source>Camera {source} is not available ({detail}). Check the cable; retrying every 2 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="136"/>
        <source>End of the video {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="137"/>
        <source>Cannot use camera source {source}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="138"/>
        <source>Camera stopped. Press &quot;Start camera&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../enroll_dialog.py" line="46"/>
        <source>Enroll a new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="153"/>
        <source>Look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="57"/>
        <source>%v of %m samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="58"/>
        <source>Retake samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="68"/>
        <source>Unique person number (employee or student number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="70"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="79"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="80"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="81"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="82"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="83"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="162"/>
        <source>The samples do not look like one person; retake them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="181"/>
        <source>The name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="184"/>
        <source>The person number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="187"/>
        <source>Still collecting face samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="190"/>
        <source>Already enrolled?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="206"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="222"/>
        <source>The person number {number} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="226"/>
        <source>Could not save: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="151"/>
        <source>Looking for a face… ask the person to look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="159"/>
        <source>This face looks like {name} ({number}): the two could be taken for each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="190"/>
        <source>This face looks like {name} ({number}). Enroll it as a new person anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <location filename="../hints.py" line="16"/>
        <source>Come closer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="17"/>
        <source>Look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="18"/>
        <source>Keep your head straight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="19"/>
        <source>Hold still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="20"/>
        <source>More light needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="21"/>
        <source>Too much light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="22"/>
        <source>Face not clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="23"/>
        <source>Look straight at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="24"/>
        <source>Turn your head a little to the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="25"/>
        <source>Turn your head a little to the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="26"/>
        <source>Done: enough samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../history_tab.py" line="103"/>
        <source>Any field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="111"/>
        <source>First check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="112"/>
        <source>Last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="112"/>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="199"/>
        <source>Search failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="257"/>
        <source>%n person-days</source>
        <translation>
            <numerusform>%n person-day</numerusform>
            <numerusform>%n person-days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="262"/>
        <source>%n check-ins, page {page} of {pages}</source>
        <translation>
            <numerusform>%n check-in, page {page} of {pages}</numerusform>
            <numerusform>%n check-ins, page {page} of {pages}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="279"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="279"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="291"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="295"/>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../live_tab.py" line="60"/>
        <source>Enrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="64"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="124"/>
        <source>(pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="133"/>
        <source>No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="137"/>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="138"/>
        <source>Already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="139"/>
        <source>Saved offline; it will be sent when the database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="182"/>
        <source>Check-ins today: {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mainUI.py" line="459"/>
        <source>Face Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="460"/>
        <source>Click an unknown face to enroll it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="461"/>
        <source>Start camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="462"/>
        <source>Recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="463"/>
        <source>Enroll the unknown face in front of the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="464"/>
        <source>Enroll…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="465"/>
        <source>Just recognized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="466"/>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="467"/>
        <source>Today&apos;s check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="469"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="478"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="477"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="474"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="475"/>
        <source>Search name, number, phone or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="476"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="479"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="480"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="481"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="482"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="483"/>
        <source>Face samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="521"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="485"/>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="486"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="487"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="488"/>
        <source>Delete for good (for mistakes): also removes the check-in history and face samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="489"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="490"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="491"/>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="492"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="493"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="494"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="495"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="496"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="497"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="498"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="499"/>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="500"/>
        <source>Daily summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="501"/>
        <source>&lt; Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="502"/>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="503"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="504"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="505"/>
        <source>Camera source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="506"/>
        <source>Camera index (0, 1, …), a video file or an RTSP/HTTP URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="507"/>
        <source>Video file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="511"/>
        <source>Cooldown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="512"/>
        <source>A person is checked in again only after this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="513"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="514"/>
        <source>Once per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="515"/>
        <source>Record only the first check-in of each day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="516"/>
        <source>Desk name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="517"/>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="518"/>
        <source>sqlite:///data/attendance.db or mysql://user@host:3306/database (password from FACE_DB_PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="519"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="520"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="522"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="523"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>Check-in of {number} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="69"/>
        <source>Recognition error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>Enrolled {name} ({number}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="138"/>
        <source>Face Attendance — {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="508"/>
        <source>False check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="509"/>
        <source>Share of strangers&apos; visits that may check somebody in. The match threshold follows from it and from the people enrolled: lower means fewer false check-ins and more people asked to look at the camera again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="510"/>
        <source> % of strangers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleFields</name>
    <message>
        <location filename="../people_fields.py" line="32"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_fields.py" line="33"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_fields.py" line="34"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_fields.py" line="35"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="59"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="71"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="80"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="80"/>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="149"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="149"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="150"/>
        <source>Recognize and check in this person again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="150"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="154"/>
        <source>Person (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="154"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="160"/>
        <source>Error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="177"/>
        <source>Name and number are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="193"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="203"/>
        <source>The person number {number} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="228"/>
        <source>Reactivated {name}: recognized and checked in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="230"/>
        <source>Deactivated {name}: no longer recognized or checked in at any desk. Their details, face samples and check-in history are kept; &quot;Reactivate&quot; undoes this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="241"/>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="241"/>
        <source>Delete {name} ({number}) for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="245"/>
        <source>Their {check_ins} and {samples} are removed for good and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="245"/>
        <source>%n check-ins</source>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="245"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n face sample</numerusform>
            <numerusform>%n face samples</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="248"/>
        <source>Delete for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="250"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="253"/>
        <source>Deactivate instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="255"/>
        <source>To keep their history, deactivate them instead: they are no longer recognized or checked in, and can be reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="300"/>
        <source>Deleted {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="310"/>
        <source>Add photos of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="310"/>
        <source>Images ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="323"/>
        <source>Reading %n photos…</source>
        <translation>
            <numerusform>Reading %n photo…</numerusform>
            <numerusform>Reading %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="355"/>
        <source>Added %n face samples.</source>
        <translation>
            <numerusform>Added %n face sample.</numerusform>
            <numerusform>Added %n face samples.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="357"/>
        <source>Not used:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../settings_tab.py" line="47"/>
        <source>This run uses the database {url}, given with --db-url on the command line; the URL above is the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="50"/>
        <source>This run uses the database {url}, from the environment variable FACE_DB_URL; the URL above is the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="53"/>
        <source>This run uses the camera source {source}, given with --source on the command line; the saved setting is {saved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="57"/>
        <source>Settings file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="116"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="125"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="130"/>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="130"/>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="139"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="150"/>
        <source>Connected: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="150"/>
        <source>Failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="66"/>
        <source>Match threshold now {threshold:.3f} for {people} people enrolled (the model&apos;s 1:1 verification threshold: {verification:.3f})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../status_bar.py" line="20"/>
        <source>Display {display:.0f} fps · Recognition {recog:.1f} fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="27"/>
        <source>Database: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="32"/>
        <source>Database error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="34"/>
        <source>{kind} online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="36"/>
        <source>{kind} offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="38"/>
        <source>{n} pending in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="47"/>
        <source>Model: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="202"/>
        <source>Loading the face model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../main.py" line="214"/>
        <source>Face Attendance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
