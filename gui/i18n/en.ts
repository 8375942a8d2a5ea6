<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../enroll_dialog.py" line="81"/>
        <source>Enroll a new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="186"/>
        <source>Look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="91"/>
        <source>%v of %m samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="92"/>
        <source>Retake samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="101"/>
        <source>Unique person number (employee or student number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="103"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="112"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="113"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="114"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="115"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="116"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="211"/>
        <source>This face already matches {name} ({number}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="214"/>
        <source>The samples do not look like one person; retake them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="233"/>
        <source>The name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="236"/>
        <source>The person number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="239"/>
        <source>Still collecting face samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="242"/>
        <source>Already enrolled?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="242"/>
        <source>This face already matches {name} ({number}). Enroll it as a new person anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="265"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="281"/>
        <source>The person number {number} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="285"/>
        <source>Could not save: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../history_tab.py" line="100"/>
        <source>Any field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="101"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="101"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="104"/>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="105"/>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>First check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="109"/>
        <source>Last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="109"/>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="196"/>
        <source>Search failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="251"/>
        <source>%n person-days</source>
        <translation>
            <numerusform>%n person-day</numerusform>
            <numerusform>%n person-days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="256"/>
        <source>%n check-ins, page {page} of {pages}</source>
        <translation>
            <numerusform>%n check-in, page {page} of {pages}</numerusform>
            <numerusform>%n check-ins, page {page} of {pages}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="273"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="273"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="285"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="289"/>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mainUI.py" line="457"/>
        <source>Face Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="458"/>
        <source>Click an unknown face to enroll it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="509"/>
        <source>Start camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="460"/>
        <source>Recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="461"/>
        <source>Enroll the unknown face in front of the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="462"/>
        <source>Enroll…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="463"/>
        <source>Just recognized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="464"/>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="465"/>
        <source>Today&apos;s check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="467"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="476"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="475"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="472"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="473"/>
        <source>Search name, number, phone or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="474"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="477"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="478"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="479"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="480"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="481"/>
        <source>Face samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="518"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="483"/>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="484"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="485"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="486"/>
        <source>Delete for good (for mistakes): also removes the check-in history and face samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="487"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="488"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="489"/>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="490"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="491"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="492"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="493"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="494"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="495"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="496"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="497"/>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="498"/>
        <source>Daily summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="499"/>
        <source>&lt; Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="500"/>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="501"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="502"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="503"/>
        <source>Camera source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="504"/>
        <source>Camera index (0, 1, …), a video file or an RTSP/HTTP URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="505"/>
        <source>Video file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="506"/>
        <source>Match threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="507"/>
        <source>Largest embedding distance accepted as the same person; the lowest value means the model&apos;s calibrated default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="508"/>
        <source>Cooldown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="509"/>
        <source>A person is checked in again only after this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="510"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="511"/>
        <source>Once per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="512"/>
        <source>Record only the first check-in of each day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="513"/>
        <source>Desk name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="514"/>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="515"/>
        <source>sqlite:///data/attendance.db or mysql://user@host:3306/database (password from FACE_DB_PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="516"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="517"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="519"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="520"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="92"/>
        <source>Check-in of {number} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="167"/>
        <source>Recognition error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="509"/>
        <source>Stop camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="223"/>
        <source>Opening camera {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224"/>
        <source>Camera {source}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="225"/>
        <source>Camera {source} is not available ({detail}). Check the cable; retrying every 2 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227"/>
        <source>End of the video {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="228"/>
        <source>Cannot use camera source {source}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="229"/>
        <source>Camera stopped. Press &quot;Start camera&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="247"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="297"/>
        <source>Enrolled {name} ({number}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="309"/>
        <source>(pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="318"/>
        <source>No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="322"/>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323"/>
        <source>Already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="324"/>
        <source>Saved offline; it will be sent when the database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="511"/>
        <source>Check-ins today: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="424"/>
        <source>{faces} enrolled faces have no person in the database; {people} people have no face (see the log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="439"/>
        <source>Display {display:.0f} fps · Recognition {recog:.1f} fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="447"/>
        <source>Database error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="449"/>
        <source>{kind} online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="451"/>
        <source>{kind} offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="453"/>
        <source>{n} pending in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="459"/>
        <source>Face Attendance — {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="462"/>
        <source>Model: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="466"/>
        <source>Database: connecting…</source>
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
        <location filename="../people_tab.py" line="57"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="57"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="57"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="57"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="57"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="57"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="69"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="78"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="78"/>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="147"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="147"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="148"/>
        <source>Recognize and check in this person again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="148"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="152"/>
        <source>Person (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="152"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="158"/>
        <source>Error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="175"/>
        <source>Name and number are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="191"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="201"/>
        <source>The person number {number} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="226"/>
        <source>Reactivated {name}: recognized and checked in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="228"/>
        <source>Deactivated {name}: no longer recognized or checked in at any desk. Their details, face samples and check-in history are kept; &quot;Reactivate&quot; undoes this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="239"/>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="239"/>
        <source>Delete {name} ({number}) for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="243"/>
        <source>Their {check_ins} and {samples} are removed for good and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="243"/>
        <source>%n check-ins</source>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="243"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n face sample</numerusform>
            <numerusform>%n face samples</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="246"/>
        <source>Delete for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="248"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="251"/>
        <source>Deactivate instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="253"/>
        <source>To keep their history, deactivate them instead: they are no longer recognized or checked in, and can be reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="298"/>
        <source>Deleted {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="308"/>
        <source>Add photos of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="308"/>
        <source>Images ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="321"/>
        <source>Reading %n photos…</source>
        <translation>
            <numerusform>Reading %n photo…</numerusform>
            <numerusform>Reading %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="353"/>
        <source>Added %n face samples.</source>
        <translation>
            <numerusform>Added %n face sample.</numerusform>
            <numerusform>Added %n face samples.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="355"/>
        <source>Not used:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../settings_tab.py" line="41"/>
        <source>Model default ({value:.3f})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="49"/>
        <source>This run uses the database {url}, given with --db-url on the command line; the URL above is the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="52"/>
        <source>This run uses the database {url}, from the environment variable FACE_DB_URL; the URL above is the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="55"/>
        <source>This run uses the camera source {source}, given with --source on the command line; the saved setting is {saved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="59"/>
        <source>Settings file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="109"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="118"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="123"/>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="123"/>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="132"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="143"/>
        <source>Connected: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="143"/>
        <source>Failed: {message}</source>
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
