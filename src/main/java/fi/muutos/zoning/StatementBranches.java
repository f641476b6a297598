package fi.muutos.zoning;

import org.springframework.stereotype.Component;

/**
 * {@code #{statementBranches.at(statementAuthorities, loopCounter)}}: the authority of one parallel
 * statement branch, for the branch's local variable {@code authority} (the statement event's
 * correlation key).
 */
@Component("statementBranches")
public class StatementBranches {

  public String at(String list, Integer index) {
    return StartProposalDisplayDelegate.authorities(list)[index];
  }
}
