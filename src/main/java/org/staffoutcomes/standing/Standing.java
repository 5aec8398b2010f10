package org.staffoutcomes.standing;

import java.util.List;

/**
 * Where each organisation stands: significance of change, benchmark position, XmR charts and
 * funnel plots, as the analysis stage computes them from the panel ({@link StandingStage}) and
 * the render stage reads them back ({@link StandingTables}).
 */
public record Standing(List<ChangeRow> changes, List<PositionRow> positions, List<SpcRow> spc,
    List<FunnelRow> funnels) {

  public Standing {
    changes = List.copyOf(changes);
    positions = List.copyOf(positions);
    spc = List.copyOf(spc);
    funnels = List.copyOf(funnels);
  }
}
