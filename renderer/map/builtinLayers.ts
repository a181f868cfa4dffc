/**
 * The street map's own layers register themselves when their files load. A feature's layer registers in the
 * feature's folder instead; import that file once (e.g. from the feature's screen) and it joins map, switcher and legend.
 */
import './OutlineLayers';
import './OutlineLabels';
import './BaseMapLayer';
import './VenueLayer';
