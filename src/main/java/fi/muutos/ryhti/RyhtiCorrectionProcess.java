package fi.muutos.ryhti;

import fi.muutos.platform.ProcessVariable;

/** The constants of {@code processes/zoning/ryhti-correction.bpmn}. */
public final class RyhtiCorrectionProcess {

  public static final String KEY = "ryhtiCorrection";

  private RyhtiCorrectionProcess() {}

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_deliveryRejected";
    public static final String CORRECT = "userTask_correctRyhtiError";
    public static final String ACCEPTED_WHILE_OPEN = "event_acceptedWhileOpen";
    public static final String RESEND = "serviceTask_resendToRyhti";
    public static final String ANSWER = "gateway_ryhtiAnswer";
    public static final String ACCEPTED = "event_ryhtiAccepted";
    public static final String REJECTED_AGAIN = "event_ryhtiRejectedAgain";
    public static final String END = "endEvent_corrected";

    private Elements() {}
  }

  /** Ryhti's answers to a plan's messages, correlated by the plan's business key. */
  public static final class Messages {
    /** Starts the task: only Muutos' delivery sends it (people cannot start this process). */
    public static final String DELIVERY_REJECTED = "ryhtiDeliveryRejected";

    public static final String ACCEPTED = "ryhtiAccepted";
    public static final String REJECTED = "ryhtiRejected";

    private Messages() {}
  }

  /** Process variables, typed. */
  public static final class Vars {
    public static final ProcessVariable<Long> PLAN_ID = ProcessVariable.id("planId");

    /** The plan's name: Tasklist's "Kaava" column. */
    public static final ProcessVariable<String> PLAN_NAME = ProcessVariable.text("planName");

    /** What Ryhti refused, in its own words, one line each (the task's form shows it). */
    public static final ProcessVariable<String> PROBLEMS = ProcessVariable.text("ryhtiProblems");

    // recorded for the history; no code reads it
    public static final ProcessVariable<String> CORRECTION_NOTE =
        ProcessVariable.text("correctionNote");

    private Vars() {}
  }
}
