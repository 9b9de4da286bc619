package de.kkb.programme;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kkb.consultation.ConsultationProperties;
import de.kkb.vocabulary.CommonVariables;
import de.kkb.vocabulary.ConsultationProcess;
import de.kkb.vocabulary.InterimReportProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Quarterly interim reports: the round's timer ({@code ${interimReports.cycle()}}, every
 * {@code kkb.consultation.interim-report-interval} from the round's start) asks every running
 * consultation for one ("Zwischenbericht erstellen", which notifies its consultants).
 */
@Component
public class InterimReports {

  private final ProgrammeCalendar programme;
  private final ConsultationProperties consultation;

  public InterimReports(ProgrammeCalendar programme, ConsultationProperties consultation) {
    this.programme = programme;
    this.consultation = consultation;
  }

  /** An ISO 8601 cycle starting one interval after the round's start, in Berlin time. */
  public String cycle() {
    return "R/" + programme.start().plus(consultation.interimReportInterval())
        .atStartOfDay(programme.end().getZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + "/" + consultation.interimReportInterval();
  }

  public void requestAll(DelegateExecution execution) {
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    for (ProcessInstance running : runtime.createProcessInstanceQuery()
        .processDefinitionKey(ConsultationProcess.KEY).active().list()) {
      Map<String, Object> variables = new HashMap<>();
      for (String name : List.of(CommonVariables.REFERENCE, CommonVariables.MUNICIPALITY_NAME,
          CommonVariables.CARRIER_GROUP, CommonVariables.PHASE, CommonVariables.CONSULTANT_LEAD)) {
        variables.put(name, runtime.getVariable(running.getId(), name));
      }
      runtime.startProcessInstanceByKey(InterimReportProcess.KEY, running.getBusinessKey(), variables);
    }
  }
}
