package fi.muutos.cases;

import fi.muutos.platform.ProcessVariable;

/** The constants of {@code processes/cases/case-filing.bpmn}. */
public final class CaseFilingProcess {

  public static final String KEY = "caseFiling";

  private CaseFilingProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_filingOutsideStep";
    public static final String HANDLE = "userTask_handleFiling";
    public static final String END = "endEvent_filingHandled";

    private Elements() {}
  }

  /** Process variables, typed. */
  public static final class Vars {
    public static final ProcessVariable<Long> FILING_ID = ProcessVariable.id("filingId");

    /** The group responsible for the case: the task's candidate group. */
    public static final ProcessVariable<String> RESPONSIBLE_GROUP =
        ProcessVariable.text("responsibleGroup");

    public static final ProcessVariable<String> CASE_KEY = ProcessVariable.text("caseKey");
    public static final ProcessVariable<String> CASE_NAME = ProcessVariable.text("caseName");

    /** What was filed, in Finnish ("Muistutus"). */
    public static final ProcessVariable<String> LABEL = ProcessVariable.text("filingLabel");

    /** The filing date as a Finnish date (7.12.2026), for the form. */
    public static final ProcessVariable<String> FILED_ON_TEXT = ProcessVariable.text("filedOnText");

    /** ", viite X" or empty, for the form. */
    public static final ProcessVariable<String> REFERENCE_TEXT =
        ProcessVariable.text("filingReferenceText");

    /** What Muutos did with the filing by its date. */
    public static final ProcessVariable<String> JUDGEMENT = ProcessVariable.text("filingJudgement");

    /** The form's answer: how the group took the filing into account. */
    public static final ProcessVariable<String> HANDLING = ProcessVariable.text("filingHandling");

    private Vars() {}
  }
}
