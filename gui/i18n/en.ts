<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttendancePages</name>
    <message>
        <location filename="../attendance_tabs.py" line="34"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attendance_tabs.py" line="36"/>
        <source>Schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attendance_tabs.py" line="35"/>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../camera_panel.py" line="198"/>
        <source>Stop camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="198"/>
        <source>Start camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="173"/>
        <source>Opening camera {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="174"/>
        <source>Camera {source}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="176"/>
        <source>Camera {source} is not available ({detail}). Check the cable; retrying every 2 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="179"/>
        <source>End of the video {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="180"/>
        <source>Cannot use camera source {source}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="182"/>
        <source>Camera stopped. Press &quot;Start camera&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="174"/>
        <source>Camera {source} is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="178"/>
        <source>Camera {source} is not available. Check the cable; retrying every 2 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../camera_panel.py" line="181"/>
        <source>Cannot use camera source {path}. Check it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../correction_dialog.py" line="41"/>
        <source>Add a correction (missed check-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="47"/>
        <source>Required, e.g. forgot to check in, camera down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="47"/>
        <source>Required: who adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="50"/>
        <source>Person number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="51"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="52"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="53"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="58"/>
        <source>The check-in is added as a manual one, with the reason and the operator; face check-ins are never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="68"/>
        <source>Type the person number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="71"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="81"/>
        <source>Not added: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="79"/>
        <source>No person with number {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="88"/>
        <source>Not added: the check-in at {time} already covers that time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="92"/>
        <source>Correction for {name} at {time} kept on this desk: the database is unreachable, it is sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="95"/>
        <source>Correction added for {name} at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../enroll_dialog.py" line="55"/>
        <source>Enroll a new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="181"/>
        <source>Look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="66"/>
        <source>%v of %m samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="67"/>
        <source>Retake samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="86"/>
        <source>Unique person number (employee or student number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="88"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="97"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="98"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="99"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="100"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="101"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="189"/>
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
        <location filename="../enroll_dialog.py" line="255"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="271"/>
        <source>The person number {number} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="275"/>
        <source>Could not save: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="186"/>
        <source>This face looks like {name} ({number}): the two could be taken for each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="242"/>
        <source>This face looks like {name} ({number}). Enroll it as a new person anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="200"/>
        <source>Looking for a face… ask the person to look at the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="202"/>
        <source>All {n} samples taken. Type the name, then press Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="204"/>
        <source>Face lost: ask the person to step back in front of the camera. Taking samples goes on when they are back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="207"/>
        <source>Ask the person to look straight at the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="208"/>
        <source>Ask the person to turn their head a little to the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="209"/>
        <source>Ask the person to turn their head a little to the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="210"/>
        <source>Ask the person to come closer to the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="211"/>
        <source>Ask the person to face the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="212"/>
        <source>Ask the person to hold their head straight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="213"/>
        <source>Ask the person to hold still.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="214"/>
        <source>The face is too dark: turn on more light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="215"/>
        <source>The face is too bright: avoid a lamp or window behind the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../enroll_dialog.py" line="216"/>
        <source>The face is not clear: ask the person to look at the camera.</source>
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
    <message>
        <location filename="../hints.py" line="27"/>
        <source>Face lost: step back in front of the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="46"/>
        <source>Please turn your head a little to your left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="48"/>
        <source>Please turn your head a little to your right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="50"/>
        <source>{prompt} ({seconds} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="57"/>
        <source>Not checked in: not shown live (the person must be here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="58"/>
        <source>Not checked in: turned the wrong way, please try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="59"/>
        <source>Not checked in: no head turn seen, please try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="60"/>
        <source>Not checked in: the face left before the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="62"/>
        <source>Not checked in: the face was not shown live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="42"/>
        <source>Now turn your head a little to your left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../hints.py" line="44"/>
        <source>Now turn your head a little to your right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Any field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="107"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="108"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="218"/>
        <source>Search failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="283"/>
        <source>%n person-days</source>
        <translation>
            <numerusform>%n person-day</numerusform>
            <numerusform>%n person-days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../history_tab.py" line="288"/>
        <source>%n check-ins, page {page} of {pages}</source>
        <translation>
            <numerusform>%n check-in, page {page} of {pages}</numerusform>
            <numerusform>%n check-ins, page {page} of {pages}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="296"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="296"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="312"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="316"/>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../history_tab.py" line="249"/>
        <source>Withdrawn on {time} by {operator}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaveTab</name>
    <message>
        <location filename="../leave_tab.py" line="110"/>
        <source>Enter leave or a business trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="111"/>
        <source>Person number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="113"/>
        <source>Covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="177"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="177"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="118"/>
        <source>Required: who enters it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="119"/>
        <source>Add leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="120"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="121"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="122"/>
        <source>Why withdraw (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="123"/>
        <source>Withdraw selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="124"/>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="125"/>
        <source>Rows person_number,type,start,end,half,reason; a file with a bad line is refused whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Whole days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Morning (half day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Afternoon (half day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="130"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="168"/>
        <source>Reading leave failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="176"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="177"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="186"/>
        <source>withdrawn on {time} by {operator}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="188"/>
        <source>counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../leave_tab.py" line="192"/>
        <source>%n leave record(s) this month</source>
        <translation>
            <numerusform>%n leave record this month</numerusform>
            <numerusform>%n leave records this month</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="208"/>
        <source>Type the person number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="224"/>
        <source>no person with number {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="216"/>
        <source>Leave added for {name}: {span}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="225"/>
        <source>Not added: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="233"/>
        <source>Select the leave to withdraw in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="239"/>
        <source>Leave of {name} ({span}) withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="245"/>
        <source>Not withdrawn: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="249"/>
        <source>Import leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="249"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../leave_tab.py" line="260"/>
        <source>%n leave record(s) imported.</source>
        <translation>
            <numerusform>%n leave record imported.</numerusform>
            <numerusform>%n leave records imported.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../leave_tab.py" line="264"/>
        <source>Nothing imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTab</name>
    <message>
        <location filename="../live_tab.py" line="105"/>
        <source>Enrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="115"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="355"/>
        <source>(pending)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="364"/>
        <source>No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="368"/>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="369"/>
        <source>Already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="370"/>
        <source>Saved offline; it will be sent when the database is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="440"/>
        <source>Check-ins today: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="337"/>
        <source>The face does not match number {number}. Try again, or ask at the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="230"/>
        <source>{name} ({number})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="331"/>
        <source>Type your person number, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="332"/>
        <source>The camera is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="333"/>
        <source>Checking your face against number {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="334"/>
        <source>Nobody with number {number} is enrolled here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="335"/>
        <source>Please stand in front of the camera, then type your number again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="336"/>
        <source>Too many failed attempts for number {number}: try again in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="340"/>
        <source>Number {number}: face verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="372"/>
        <source>confirmed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="372"/>
        <source>by number + face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="338"/>
        <source>Number {number} is the person shown: the operator checks the photo and confirms (Enter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="341"/>
        <source>Number {number}: not checked in, the face was not shown live. The person must be here in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="433"/>
        <source>Rejected attempts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../live_tab.py" line="434"/>
        <source>Check-ins refused because the face was not shown live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mainUI.py" line="534"/>
        <source>Face Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="535"/>
        <source>Click an unknown face to enroll it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="536"/>
        <source>Start camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="537"/>
        <source>Recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="538"/>
        <source>Enroll the unknown face in front of the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="539"/>
        <source>Enroll…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="540"/>
        <source>Just recognized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="541"/>
        <source>Nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="551"/>
        <source>Today&apos;s check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="553"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="562"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="561"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="558"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="559"/>
        <source>Search name, number, phone or department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="560"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="563"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="564"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="565"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="566"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="567"/>
        <source>Face samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="612"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="569"/>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="572"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="573"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="574"/>
        <source>Delete for good (for mistakes): also removes the check-in history and face samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="575"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="576"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="577"/>
        <source>Search text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="578"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="579"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="580"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="581"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="582"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="583"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="584"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="585"/>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="586"/>
        <source>Daily summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="587"/>
        <source>&lt; Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="588"/>
        <source>Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="589"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="590"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="591"/>
        <source>Camera source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="592"/>
        <source>Camera index (0, 1, …), a video file or an RTSP/HTTP URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="593"/>
        <source>Video file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="597"/>
        <source>Cooldown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="598"/>
        <source>A person is checked in again only after this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="599"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="600"/>
        <source>Once per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="601"/>
        <source>Record only the first check-in of each day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="602"/>
        <source>Desk name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="608"/>
        <source>Database URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="609"/>
        <source>sqlite:///data/attendance.db or mysql://user@host:3306/database (password from FACE_DB_PASSWORD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="610"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="611"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="613"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="614"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="73"/>
        <source>Check-in of {number} failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="66"/>
        <source>Recognition error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="144"/>
        <source>Enrolled {name} ({number}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>Face Attendance — {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="594"/>
        <source>False check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="595"/>
        <source>Share of strangers&apos; visits that may check somebody in. The match threshold follows from it and from the people enrolled: lower means fewer false check-ins and more people asked to look at the camera again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="596"/>
        <source> % of strangers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="542"/>
        <source>Not recognized: is this…?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="544"/>
        <source>Confirm (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="545"/>
        <source>Record nothing (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="546"/>
        <source>Not them (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="547"/>
        <source>Not recognized? Type your number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="548"/>
        <source>Your person number; the desk checks your face against that person only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="549"/>
        <source>Person number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="550"/>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="570"/>
        <source>Remove the face samples the desks learned from this person&apos;s check-ins; the enrolled ones stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="571"/>
        <source>Forget learned samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="603"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="604"/>
        <source>Who works at this desk: recorded with the check-ins they confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="605"/>
        <source>Number + face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="606"/>
        <source>The share of check-ins with somebody else&apos;s number that the face check may let through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="607"/>
        <source> % wrong numbers accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../mainUI.py" line="543"/>
        <source>Check this person in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>Close Face Attendance?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="230"/>
        <source>The camera is running. Closing stops attendance: nobody is checked in until the program is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233"/>
        <source>Stop and close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="125"/>
        <source>Face model switched: restart the app to use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <location filename="../model_choice.py" line="63"/>
        <source>Face model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="64"/>
        <source>Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="65"/>
        <source>Embed every stored face sample with the chosen model, then use it from the next start of the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="67"/>
        <source>Default model (dlib ResNet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="68"/>
        <source>MobileFaceNet (better for East Asian faces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="85"/>
        <source>Embedding the stored face samples for the new model: {done} of {total}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="94"/>
        <source>This desk uses this model already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="101"/>
        <source>Loading the model and reading the face store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="117"/>
        <source>Not switched: the database could not be reached ({error}). This desk keeps its current model; the samples embedded so far are kept for the next try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="118"/>
        <source>{n} samples left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="125"/>
        <source>Not switched: the settings could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="130"/>
        <source>Switched to {model}: {embedded} face samples embedded for it. Restart the app to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="133"/>
        <source>{failed} samples could not be embedded (a face too small for the model or not found); those people may need a new photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../model_choice.py" line="143"/>
        <source>Not switched: {error}. This desk keeps its current model.</source>
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
        <location filename="../people_tab.py" line="258"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="258"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="258"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="259"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="259"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="113"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="128"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="136"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="136"/>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="214"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="214"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="215"/>
        <source>Recognize and check in this person again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="215"/>
        <source>Deactivate: no longer recognized or checked in at any desk; details, face samples and check-in history are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="219"/>
        <source>Person (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="219"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="226"/>
        <source>Error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="249"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="285"/>
        <source>The person number {number} is already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="325"/>
        <source>Reactivated {name}: recognized and checked in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="327"/>
        <source>Deactivated {name}: no longer recognized or checked in at any desk. Their details, face samples and check-in history are kept; &quot;Reactivate&quot; undoes this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="339"/>
        <source>Delete person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="339"/>
        <source>Delete {name} ({number}) for good?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="343"/>
        <source>Their {check_ins} and {samples} are removed for good and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="343"/>
        <source>%n check-ins</source>
        <translation>
            <numerusform>%n check-in</numerusform>
            <numerusform>%n check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="343"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n face sample</numerusform>
            <numerusform>%n face samples</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="346"/>
        <source>Delete for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="348"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="351"/>
        <source>Deactivate instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="353"/>
        <source>To keep their history, deactivate them instead: they are no longer recognized or checked in, and can be reactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="386"/>
        <source>Deleted {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="397"/>
        <source>Add photos of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="397"/>
        <source>Images ({patterns})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="409"/>
        <source>Reading %n photos…</source>
        <translation>
            <numerusform>Reading %n photo…</numerusform>
            <numerusform>Reading %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../people_tab.py" line="418"/>
        <source>Added %n face samples.</source>
        <translation>
            <numerusform>Added %n face sample.</numerusform>
            <numerusform>Added %n face samples.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="420"/>
        <source>Not used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="202"/>
        <source>{enrolled} enrolled, {learned} learned from check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="295"/>
        <source>Forget learned samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="295"/>
        <source>Forget the {samples} the desks learned from the check-ins of {name}? Their enrolled samples stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="304"/>
        <source>Forgot {samples} of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="113"/>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="113"/>
        <source>Learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="116"/>
        <source>Face samples taken at enrolment or from photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="116"/>
        <source>Face samples the desks learned from check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="240"/>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="240"/>
        <source>Too long: {length} characters, at most {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="259"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="265"/>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="270"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="272"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../people_tab.py" line="272"/>
        <source>Save these changes to {name}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../i18n.py" line="91"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="92"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="93"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="94"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="95"/>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="96"/>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="97"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="98"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../i18n.py" line="99"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RejectedAttemptsDialog</name>
    <message>
        <location filename="../rejected_attempts.py" line="71"/>
        <source>Rejected attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="72"/>
        <source>Check-ins refused because the face was not shown live (a photo, a phone screen, or the head did not turn as asked). Nobody was checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="74"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="74"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="74"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="76"/>
        <source>Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="83"/>
        <source>Cannot read the rejected attempts: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../rejected_attempts.py" line="103"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../rejected_attempts.py" line="114"/>
        <source>%n rejected attempts</source>
        <translation>
            <numerusform>%n rejected attempt</numerusform>
            <numerusform>%n rejected attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <location filename="../reports_tab.py" line="111"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="112"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="113"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="114"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="115"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="116"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="117"/>
        <source>Totals per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="118"/>
        <source>Day grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="119"/>
        <source>Add correction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="120"/>
        <source>Add a check-in a person missed (补卡), with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="124"/>
        <source>Export Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="125"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="137"/>
        <source>Work day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="137"/>
        <source>Rest day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="137"/>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="138"/>
        <source>No schedule: never late or absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="139"/>
        <source>Not enrolled yet, or deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="154"/>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="155"/>
        <source>(no department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="192"/>
        <source>Computing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="210"/>
        <source>Report failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="246"/>
        <source>Choose a month or dates and press Show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../reports_tab.py" line="249"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="249"/>
        <source>work days {work_days}, late {late} ({late_minutes} min), left early {early}, absent {absent}, missing punches {missing}, overtime {overtime:.1f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../reports_tab.py" line="257"/>
        <source>%n without a schedule (never counted absent)</source>
        <translation>
            <numerusform>%n without a schedule (never counted absent)</numerusform>
            <numerusform>%n without a schedule (never counted absent)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="259"/>
        <source>computed in {seconds:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="265"/>
        <source>Show a report first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="268"/>
        <source>attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="269"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="269"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="270"/>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="282"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="286"/>
        <source>Export failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="121"/>
        <source>Withdraw correction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="122"/>
        <source>Withdraw a correction of the day selected in the grid: it stops counting and stays in the history with who and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="140"/>
        <source>Not yet: days after today are not judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="141"/>
        <source>On leave or on a business trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="142"/>
        <source>In progress: judged once the shift has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../reports_tab.py" line="255"/>
        <source>on leave or a trip %n day(s)</source>
        <translation>
            <numerusform>on leave or a trip %n day</numerusform>
            <numerusform>on leave or a trip %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="321"/>
        <source>Select a corrected day of a person in the day grid first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../reports_tab.py" line="327"/>
        <source>{name} has no correction on {day} to withdraw.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulesTab</name>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="229"/>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="230"/>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="233"/>
        <source>Shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="234"/>
        <source>Department schedules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="235"/>
        <source>People with their own schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="236"/>
        <source>Holidays and make-up work days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Late grace (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Early grace (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="237"/>
        <source>Unpaid break (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="242"/>
        <source>An end before the start ends the next day (a night shift, counted on the day it starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="244"/>
        <source>e.g. Day shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="245"/>
        <source>Add shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="246"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="261"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="308"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="253"/>
        <source>Set schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="254"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="252"/>
        <source>Person number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="259"/>
        <source>Name, e.g. National Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="260"/>
        <source>Add / change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="262"/>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="263"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="264"/>
        <source>Rows date,kind,name (kind: holiday or workday); a file with a bad row is refused whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="326"/>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="326"/>
        <source>Make-up work day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="312"/>
        <source>No schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Late grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Early grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="298"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="302"/>
        <source>(ends the next day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="308"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Work days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="318"/>
        <source>Name</source>
        <comment>of a person</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="330"/>
        <source>No schedule (never counted late or absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="393"/>
        <source>Note: {notes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="403"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="429"/>
        <source>Shift {name} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="460"/>
        <source>Shift {name} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="486"/>
        <source>add a shift first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="469"/>
        <source>Schedule of {department} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="479"/>
        <source>Schedule of {department} removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="402"/>
        <source>no person with number {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="489"/>
        <source>Own schedule of {number} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="494"/>
        <source>{number} follows their department&apos;s schedule again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="500"/>
        <source>{day} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="505"/>
        <source>{day} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="509"/>
        <source>Calendar imported from {path}: {{result}} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="514"/>
        <source>Calendar exported to {path}: {{result}} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="518"/>
        <source>Import calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="525"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="524"/>
        <source>calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="525"/>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="324"/>
        <source>Name</source>
        <comment>of a shift or holiday</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="247"/>
        <source>A new version starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="256"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="257"/>
        <source>Unchecked: the schedule applies always (earlier months are computed again). Checked: from that day on; earlier days keep the schedule they had</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="303"/>
        <source>from {day}: {shift}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="308"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="429"/>
        <source>Shift {name}: a new version from {day} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="436"/>
        <source>Change a shift in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="436"/>
        <source>Shift {name} was worked on earlier days. Change it for those days too (their reports change), or start a new version on {day} (the days before keep their times)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="440"/>
        <source>Change history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../schedules_tab.py" line="441"/>
        <source>New version from {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../settings_tab.py" line="204"/>
        <source>This run uses the database {url}, given with --db-url on the command line; the URL above is the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="207"/>
        <source>This run uses the database {url}, from the environment variable FACE_DB_URL; the URL above is the saved setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="210"/>
        <source>This run uses the camera source {source}, given with --source on the command line; the saved setting is {saved}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="228"/>
        <source>Settings file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="289"/>
        <source>Not saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="361"/>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="361"/>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="370"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="379"/>
        <source>Connected: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="379"/>
        <source>Failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="164"/>
        <source>More lenient than usual: fewer people are asked to look again, and a stranger is more likely to be checked in as somebody else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="167"/>
        <source>The usual setting: strangers are almost never checked in, and few people are asked to look again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="176"/>
        <source>How strict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="177"/>
        <source>Fewer second looks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="178"/>
        <source>Fewer false check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="179"/>
        <source>Right: fewer false check-ins. Left: fewer people asked to look at the camera again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="189"/>
        <source>This desk knows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="194"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="191"/>
        <source>Show technical details (for engineers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="192"/>
        <source>Distances on the face boxes, frame rates in the status bar, the Distance column in History and the figures below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="218"/>
        <source>Match threshold now {threshold:.3f} for {people} (the model&apos;s 1:1 verification threshold: {verification:.3f}); number + face within {claim:.3f}; a missed visit shows a candidate within {candidate:.3f}; a check-in teaches the desk within {strict:.3f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../settings_tab.py" line="218"/>
        <source>%n people enrolled</source>
        <translation>
            <numerusform>%n person enrolled</numerusform>
            <numerusform>%n people enrolled</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="250"/>
        <source>Model {model}. The face store has no samples yet: enroll people, or move a desk&apos;s photos into it with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="252"/>
        <source>; {failed} could not be embedded (see the reembed report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="255"/>
        <source>Model {model}: all {samples} embedded{failed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../settings_tab.py" line="283"/>
        <source>%n face samples</source>
        <translation>
            <numerusform>%n face sample</numerusform>
            <numerusform>%n face samples</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="260"/>
        <source>This desk&apos;s model {model} has embeddings for {embedded} of the {samples} face samples; the store&apos;s faces are embedded with model {other} ({other_embedded}). Only people with embeddings for {model} are recognized here. Migrate the store with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="265"/>
        <source>Model {model}: {embedded} of {samples} face samples embedded, {missing} still to do{failed}. Run: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="279"/>
        <source>Nobody yet: enroll people on the Live tab (&quot;Enroll…&quot;) or add their photos on the People tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="283"/>
        <source>{people}, from {samples}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../settings_tab.py" line="283"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="292"/>
        <source>✓ Saved at {time}; in effect now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="161"/>
        <source>Stricter than usual: a stranger is even less likely to be checked in as somebody, and more people are asked to look at the camera again or to type their person number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="181"/>
        <source>Liveness check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="182"/>
        <source>Off (a photo of a person checks them in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="183"/>
        <source>Ask the visitor to turn their head when unsure (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="184"/>
        <source>Ask the visitor to turn their head every time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_tab.py" line="187"/>
        <source>Whether the desk checks that the face is a live person in front of the camera, not a photo or a phone screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../splash.py" line="30"/>
        <source>Face Attendance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../status_bar.py" line="30"/>
        <source>Display {display:.0f} fps · Recognition {recog:.1f} fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="37"/>
        <source>Database: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="42"/>
        <source>Database error: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="44"/>
        <source>{kind} online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="46"/>
        <source>{kind} offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="48"/>
        <source>{n} pending in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="64"/>
        <source>Model: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="51"/>
        <source>Check-ins are saved in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../status_bar.py" line="53"/>
        <source>The database cannot be reached: check-ins are kept on this computer and sent when it is back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../correction_dialog.py" line="112"/>
        <source>Withdraw a correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="115"/>
        <source>{name} ({number}) at {time}, added by {operator}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="118"/>
        <source>Required, e.g. entered for the wrong day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="118"/>
        <source>Required: who withdraws it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="121"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="122"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="123"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="125"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="129"/>
        <source>A withdrawn correction no longer counts; it stays in the history with who withdrew it and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="139"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="145"/>
        <source>Not withdrawn: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../correction_dialog.py" line="150"/>
        <source>Correction of {name} at {time} withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../main.py" line="193"/>
        <source>Face Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../main.py" line="174"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../main.py" line="177"/>
        <source>Loading the face model… (this takes up to half a minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../main.py" line="183"/>
        <source>Preparing face recognition…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../main.py" line="185"/>
        <source>Opening the database and the faces of the people enrolled…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
