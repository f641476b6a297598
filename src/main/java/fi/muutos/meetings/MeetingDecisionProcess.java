package fi.muutos.meetings;

import fi.muutos.platform.ProcessVariable;
import java.util.List;
import java.util.Map;

/** The constants of {@code processes/meetings/meeting-decision.bpmn}. */
public final class MeetingDecisionProcess {

  public static final String KEY = "meetingDecision";

  private MeetingDecisionProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_itemUnmatched";
    public static final String MATCH = "userTask_matchDecision";
    public static final String END = "endEvent_matched";

    private Elements() {}
  }

  /** Process variables, typed. */
  public static final class Vars {
    public static final ProcessVariable<Long> ITEM_ID = ProcessVariable.id("meetingItemId");

    /** The registry's group: the task's candidate group. */
    public static final ProcessVariable<String> REGISTRY_GROUP =
        ProcessVariable.text("registryGroup");

    /** The item as the minutes have it: body, date, section, record number, title. */
    public static final ProcessVariable<String> SUMMARY =
        ProcessVariable.text("meetingItemSummary");

    public static final ProcessVariable<String> DECISION_TEXT =
        ProcessVariable.text("meetingDecisionText");

    /** Why a person is needed, in Finnish. */
    public static final ProcessVariable<String> REASON = ProcessVariable.text("meetingItemReason");

    /** The cases that may be the item's, one per line (key and name). */
    public static final ProcessVariable<String> CANDIDATES =
        ProcessVariable.text("meetingItemCandidates");

    /** The configured bodies, as the form's choices. */
    public static final ProcessVariable<List<Map<String, String>>> BODY_CHOICES =
        ProcessVariable.choices("bodyChoices");

    // the form's fields (pre-filled with what Muutos could read)
    public static final ProcessVariable<Boolean> NOT_FOR_MUUTOS =
        ProcessVariable.flag("notForMuutos");
    public static final ProcessVariable<String> LINKED_CASE = ProcessVariable.text("linkedCase");
    public static final ProcessVariable<String> CONFIRMED_OUTCOME =
        ProcessVariable.text("confirmedOutcome");
    public static final ProcessVariable<String> CONFIRMED_BODY =
        ProcessVariable.text("confirmedBody");

    private Vars() {}
  }
}
