package fi.muutos.evaluation;

/** The constants of {@code processes/evaluation/strategy-evaluation.bpmn}. */
public final class EvaluationProcess {

  public static final String KEY = "strategyEvaluation";

  private EvaluationProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String PREPARE_SURVEY = "serviceTask_prepareSurvey";
    public static final String ANSWER_SURVEY = "userTask_answerSurvey";
    public static final String SURVEY_CLOSED = "event_surveyClosed";
    public static final String RECORD_INTERVIEW = "userTask_recordInterview";
    public static final String EDIT_SYNTHESIS = "userTask_editSynthesis";
    public static final String PRESENTATION = "userTask_recordPresentation";
    public static final String END = "endEvent_evaluationPublished";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Vars {
    public static final String EVALUATION_ID = "evaluationId";
    public static final String NAME = "evaluationName";
    public static final String EVALUATOR = "evaluator";
    public static final String SURVEY_CLOSES_ON = "surveyClosesOn";
    public static final String RESPONDENTS = "respondents";
    public static final String SURVEY_FORM_ID = "surveyFormId";
    public static final String SURVEY_CLOSES_AT = "surveyClosesAt";
    public static final String RESPONDENT = "respondent";
    public static final String MORE_INTERVIEWS = "moreInterviews";
    public static final String SYNTHESIS = "synthesis";
    public static final String FOLLOW_UPS = "followUpAreas";

    private Vars() {}
  }
}
