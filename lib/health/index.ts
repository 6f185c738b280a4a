export {
  healthDetails,
  mayReadHealthDetails,
  opsTokenMatches,
  PUBLIC_HEALTH,
} from './health-report';
