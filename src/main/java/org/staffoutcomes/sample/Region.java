package org.staffoutcomes.sample;

import java.util.List;

/** The seven NHS England regions, with their share of organisations and places to name trusts. */
enum Region {
  LONDON("London", 0.17, List.of(
      "Barnet", "Camden", "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith",
      "Haringey", "Harrow", "Hillingdon", "Hounslow", "Islington", "Kingston", "Lambeth",
      "Lewisham", "Newham", "Redbridge", "Richmond", "Southwark", "Sutton", "Tower Hamlets",
      "Waltham Forest", "Wandsworth", "Westminster", "Bromley", "Barking", "Havering", "Bexley",
      "Brent", "Chelsea")),
  SOUTH_EAST("South East", 0.16, List.of(
      "Kent", "Surrey", "Sussex", "Brighton", "Portsmouth", "Southampton", "Oxford",
      "Buckinghamshire", "Berkshire", "Reading", "Frimley", "Ashford", "Medway", "Dartford",
      "Maidstone", "Hampshire", "Isle of Wight", "Winchester", "Guildford", "Crawley", "Hastings",
      "Eastbourne", "Canterbury", "Milton Keynes", "Basingstoke", "Chichester", "Worthing",
      "Tunbridge Wells", "Slough", "Banbury")),
  SOUTH_WEST("South West", 0.11, List.of(
      "Bristol", "Bath", "Cornwall", "Devon", "Exeter", "Plymouth", "Torbay", "Somerset",
      "Taunton", "Yeovil", "Dorset", "Poole", "Bournemouth", "Salisbury", "Swindon",
      "Gloucestershire", "Cheltenham", "Wiltshire", "Weston", "Truro", "Barnstaple")),
  MIDLANDS("Midlands", 0.20, List.of(
      "Birmingham", "Coventry", "Warwick", "Wolverhampton", "Walsall", "Dudley", "Sandwell",
      "Worcestershire", "Herefordshire", "Shropshire", "Telford", "Stoke", "Staffordshire",
      "Derby", "Derbyshire", "Nottingham", "Nottinghamshire", "Leicester", "Leicestershire",
      "Lincolnshire", "Northampton", "Kettering", "Chesterfield", "Burton", "Redditch",
      "Solihull", "Rugby", "Mansfield", "Boston", "Grantham")),
  EAST_OF_ENGLAND("East of England", 0.11, List.of(
      "Norfolk", "Norwich", "Suffolk", "Ipswich", "Colchester", "Cambridge", "Peterborough",
      "Bedford", "Luton", "Hertfordshire", "Watford", "Stevenage", "Essex", "Basildon",
      "Southend", "Chelmsford", "Harlow", "King's Lynn", "Great Yarmouth", "Bury St Edmunds",
      "Huntingdon")),
  NORTH_WEST("North West", 0.13, List.of(
      "Manchester", "Salford", "Stockport", "Bolton", "Wigan", "Oldham", "Bury", "Tameside",
      "Liverpool", "Wirral", "St Helens", "Warrington", "Chester", "Cheshire", "Lancashire",
      "Blackpool", "Preston", "Blackburn", "Lancaster", "Cumbria", "Carlisle", "Southport",
      "Macclesfield", "Crewe", "Burnley", "Morecambe")),
  NORTH_EAST_AND_YORKSHIRE("North East and Yorkshire", 0.12, List.of(
      "Leeds", "Bradford", "Sheffield", "Rotherham", "Doncaster", "Barnsley", "Wakefield",
      "Huddersfield", "Calderdale", "Harrogate", "York", "Scarborough", "Hull", "Grimsby",
      "Middlesbrough", "Darlington", "Durham", "Sunderland", "Gateshead", "Newcastle",
      "Northumbria", "Tyneside", "Teesside", "Airedale", "Halifax", "Whitby"));

  private final String label;
  private final double share;
  private final List<String> places;

  Region(String label, double share, List<String> places) {
    this.label = label;
    this.share = share;
    this.places = places;
  }

  String label() {
    return label;
  }

  double share() {
    return share;
  }

  /** Towns, cities and counties of the region, to name its trusts after. */
  List<String> places() {
    return places;
  }

  /** A region drawn with the regions' shares. */
  static Region draw(Rng rng) {
    double u = rng.uniform();
    double cumulative = 0;
    for (Region r : values()) {
      cumulative += r.share;
      if (u < cumulative) {
        return r;
      }
    }
    return NORTH_EAST_AND_YORKSHIRE;
  }
}
