// The platform module's face: health and the API's 404s.
export { platformModule } from './routes';
