package fi.muutos.evaluation;

import fi.muutos.cases.CaseKind;
import fi.muutos.platform.Decision;
import fi.muutos.platform.ProcessVariable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The constants of {@code processes/evaluation/strategy-evaluation.bpmn}. */
public final class EvaluationProcess {

  public static final String KEY = "strategyEvaluation";

  /** An evaluation is a case of this process, in these stages. */
  public static final CaseKind<EvaluationStage> CASE =
      new CaseKind<>(KEY, EvaluationStage.class, "evaluation");

  private EvaluationProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String PREPARE_SURVEY = "serviceTask_prepareSurvey";
    public static final String ANSWER_SURVEY = "userTask_answerSurvey";
    public static final String SURVEY_CLOSED = "event_surveyClosed";
    public static final String RECORD_INTERVIEW = "userTask_recordInterview";
    public static final String EDIT_SYNTHESIS = "userTask_editSynthesis";
    public static final String PRESENTATION = "userTask_recordPresentation";
    public static final String INTERVIEWS_DONE = "gateway_interviewsDone";
    public static final String END = "endEvent_evaluationPublished";

    private Elements() {}
  }

  /** Process variables, typed; the evaluation's data lives in its case record and MU_EVAL*. */
  public static final class Vars {
    public static final ProcessVariable<Long> EVALUATION_ID = ProcessVariable.id("evaluationId");
    public static final ProcessVariable<String> NAME = ProcessVariable.text("evaluationName");
    public static final ProcessVariable<String> EVALUATOR = ProcessVariable.text("evaluator");
    public static final ProcessVariable<LocalDate> SURVEY_CLOSES_ON =
        ProcessVariable.date("surveyClosesOn");

    /** The start's respondents, {@code userId:GROUP} each. */
    public static final ProcessVariable<List<String>> RESPONDENTS =
        ProcessVariable.list("respondents");

    /** The respondents' user ids, one survey task each. */
    public static final ProcessVariable<List<String>> SURVEY_RESPONDENTS =
        ProcessVariable.list("surveyRespondents");

    public static final ProcessVariable<String> SURVEY_FORM_ID =
        ProcessVariable.text("surveyFormId");
    public static final ProcessVariable<OffsetDateTime> SURVEY_CLOSES_AT =
        ProcessVariable.moment("surveyClosesAt");
    public static final ProcessVariable<String> RESPONDENT = ProcessVariable.text("respondent");
    public static final ProcessVariable<Boolean> MORE_INTERVIEWS =
        ProcessVariable.flag("moreInterviews");
    public static final ProcessVariable<String> SYNTHESIS = ProcessVariable.text("synthesis");
    public static final ProcessVariable<String> FOLLOW_UPS = ProcessVariable.text("followUpAreas");

    /** Successes (onnistumiset), one per line. */
    public static final ProcessVariable<String> SUCCESSES = ProcessVariable.text("successes");

    // the verdicts: proposed by the arithmetic, chosen by the evaluator (goal / objective codes)
    public static final ProcessVariable<List<String>> BEST_GOALS =
        ProcessVariable.list("bestGoals");
    public static final ProcessVariable<List<String>> WEAKEST_GOALS =
        ProcessVariable.list("weakestGoals");
    public static final ProcessVariable<List<String>> BEST_OBJECTIVES =
        ProcessVariable.list("bestObjectives");
    public static final ProcessVariable<List<String>> WEAKEST_OBJECTIVES =
        ProcessVariable.list("weakestObjectives");

    /** What the evaluator chooses the verdicts from (the strategy's goals and objectives). */
    public static final ProcessVariable<List<Map<String, String>>> GOAL_CHOICES =
        ProcessVariable.choices("goalChoices");

    public static final ProcessVariable<List<Map<String, String>>> OBJECTIVE_CHOICES =
        ProcessVariable.choices("objectiveChoices");
    public static final ProcessVariable<String> INTERVIEWEE_ROLE =
        ProcessVariable.text("intervieweeRole");
    public static final ProcessVariable<String> INTERVIEW_SUMMARY =
        ProcessVariable.text("interviewSummary");
    public static final ProcessVariable<LocalDate> DECISION_DATE = Decision.DATE;

    // What the forms record for the case's history; no code reads these.
    public static final ProcessVariable<String> DECISION_SECTION = Decision.SECTION;

    private Vars() {}
  }
}
